import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatRunAs, learnerUser, runAsVariable } from './learner-user.ts';
import { runIsolatedTogether } from './run-vitest-batch.ts';
import { repoRoot, scratchDir } from './repo-paths.ts';
import { type RunOptions, runVitest } from './run-vitest.ts';

// Copies laid out by hand under the course's scratch folder (their tests import its packages),
// with no services: what matters is who shares what with whom.
const workDir = await mkdtemp(join(scratchDir, 'isolated-together-'));
// mkdtemp makes a private folder; the learner user must reach the copies inside, as in the grader's own.
await chmod(workDir, 0o755);
afterAll(() => rm(workDir, { recursive: true, force: true }));

const env = { ...process.env, CI: 'false', COURSE_NEEDS: '' };
// Only a grader running as root can hand learner code to an unprivileged user (CI and the class workflow do).
const unprivileged = await learnerUser(repoRoot);
const slow = 300_000;

async function copyWith(name: string, files: Record<string, string>): Promise<string> {
  const root = join(workDir, name);
  for (const [file, body] of Object.entries(files)) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), body);
  }
  return root;
}

const verdicts = (outcomes: { tests: { name: string; status: string }[]; abort?: { reason: string } }[]) =>
  outcomes.map((outcome) => ({ abort: outcome.abort?.reason, tests: outcome.tests.map((test) => `${test.name}: ${test.status}`) }));

describe("a learner's copies run together", () => {
  it('share only Vitest: each file keeps its own process, its copy\'s sandbox and variables, and the verdicts of runs alone', async () => {
    const first = await copyWith('first', {
      // Leaves state behind in its process, as code under test can.
      'test/leaves-state.test.ts': `import { expect, it } from 'vitest';
it('leaves a global behind', () => { (globalThis as { left?: number }).left = 1; expect(process.env.COPY_NAME).toBe('first'); });\n`,
      // Run as a second copy of the same folder: a project of its own, as a clinic item's repair leg is.
      'test/same-folder.test.ts': `import { expect, it } from 'vitest';
it('sees no global another file left', () => expect((globalThis as { left?: number }).left).toBeUndefined());\n`,
    });
    const second = await copyWith('second', {
      'test/trespasses.test.ts': `import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
it('sees no global another copy left', () => expect((globalThis as { left?: number }).left).toBeUndefined());
it('may not write into another copy', () => expect(() => writeFileSync(${JSON.stringify(join(first, 'planted.txt'))}, 'x')).toThrow(/ERR_ACCESS_DENIED|permission/i));
it('may write into its own copy', () => writeFileSync(${JSON.stringify(join(workDir, 'second', 'own.txt'))}, 'x'));
it('fails when its code is wrong', () => expect(1).toBe(2));
it('starts in its own copy, as a run of its own does', () => expect(process.cwd()).toBe(${JSON.stringify(join(workDir, 'second'))}));\n`,
    });
    const runs: RunOptions[] = [
      { root: first, env: { ...env, COPY_NAME: 'first' }, timeoutMs: 120_000, files: ['test/leaves-state.test.ts'] },
      { root: second, env: { ...env, COPY_NAME: 'second' }, timeoutMs: 120_000, noShrink: true },
      { root: first, env: { ...env, COPY_NAME: 'first' }, timeoutMs: 120_000, files: ['test/same-folder.test.ts'] },
    ];
    const together = await runIsolatedTogether(runs, { env, timeoutMs: 120_000 });
    expect(together.fallback).toBeUndefined();
    expect(together.batched).toBe(3);
    const alone = [];
    for (const run of runs) alone.push(await runVitest(run));
    expect(verdicts(together.outcomes)).toEqual(verdicts(alone));
    expect(verdicts(together.outcomes)).toEqual([
      { abort: undefined, tests: ['leaves a global behind: passed'] },
      {
        abort: undefined,
        tests: ['sees no global another copy left: passed', 'may not write into another copy: passed', 'may write into its own copy: passed', 'fails when its code is wrong: failed',
          'starts in its own copy, as a run of its own does: passed'],
      },
      { abort: undefined, tests: ['sees no global another file left: passed'] },
    ]);
  }, slow);

  it('pins an error that escapes a test on the copy it escaped from, by running the copies alone', async () => {
    const calm = await copyWith('calm', { 'test/calm.test.ts': `import { it } from 'vitest';\nit('passes', () => {});\n` });
    const leaky = await copyWith('leaky', {
      'test/leaky.test.ts': `import { it } from 'vitest';
it('passes, then throws from a timer', () => { setTimeout(() => { throw new Error('thrown after the test'); }, 0); });
it('lets the timer fire first', () => new Promise((resolve) => setTimeout(resolve, 0)));\n`,
    });
    const runs: RunOptions[] = [calm, leaky].map((root) => ({ root, env, timeoutMs: 120_000 }));
    const together = await runIsolatedTogether(runs, { env, timeoutMs: 120_000 });
    expect(together.batched).toBe(0);
    expect(together.fallback).toMatch(/an error escaped the tests: thrown after the test/);
    expect(together.outcomes.map((outcome) => outcome.abort?.reason)).toEqual([undefined, 'unhandled-error']);
  }, slow);

  it.runIf('user' in unprivileged)('run as the unprivileged learner user when the grader has one', async () => {
    const user = (unprivileged as { user: Parameters<typeof formatRunAs>[0] }).user;
    const asLearner = { ...env, [runAsVariable]: formatRunAs(user) };
    const roots = await Promise.all(['one', 'two'].map((name) => copyWith(`as-learner-${name}`, {
      'test/writes.test.ts': `import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
it('writes its own copy, at home there', () => { writeFileSync('written.txt', 'x'); expect(process.env.HOME).toBe(process.cwd()); });\n`,
    })));
    const together = await runIsolatedTogether(roots.map((root) => ({ root, env: asLearner, timeoutMs: 120_000 })), { env: asLearner, timeoutMs: 120_000 });
    expect(together.fallback).toBeUndefined();
    expect(together.batched).toBe(2);
    expect(verdicts(together.outcomes)).toEqual(roots.map(() => ({ abort: undefined, tests: ['writes its own copy, at home there: passed'] })));
    for (const root of roots) expect((await stat(join(root, 'written.txt'))).uid).toBe(user.uid);
  }, slow);
});
