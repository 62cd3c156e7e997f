import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunnerPool } from '../../grading/runner/runner-pool.ts';
import { runVitest } from '../../grading/runner/run-vitest.ts';
import { type CheckResult, checkVariant, layOutCopies, plannedChecks, type RunContext, type VariantCheck } from './exercise-checks.ts';
import { fixtureCourse, fixtureMutants, mutantPatch } from './fixture-course.ts';
import { RunCache } from './run-cache.ts';

const answerLine = 'export const answer = (): number => 42;';
const addLine = 'export const add = (a: number, b: number): number => a + b;';
/** Two ways to take a runner down, beside the fixture's mutants: a hang and a process that kills its Vitest. */
const runnerBreakers = {
  // Loads, then never settles: the run's deadline kills its process (or its runner).
  'hangs': mutantPatch(['MUTANT: never returns.', 'Caught-by: test/answer.test.ts: answer › is 42'], `-${answerLine}`, `+export const answer = (): number => { for (;;); };\n ${addLine}`),
  // Kills the process that runs Vitest (the copy's own, or the runner) from a test worker.
  'kills-vitest': mutantPatch(['MUTANT: kills the test run.', 'Caught-by: test/answer.test.ts: answer › is 42'], `-${answerLine}`, `+export const answer = (): number => { process.kill(process.ppid, 'SIGKILL'); return 42; };\n ${addLine}`),
};

let root: string;
let checks: VariantCheck[];
const pool = new RunnerPool({ ...process.env, CI: 'false', COURSE_NEEDS: '' });
beforeAll(async () => {
  const course = await fixtureCourse('runner-equivalence-');
  root = course.root;
  for (const [name, patch] of Object.entries(runnerBreakers)) {
    await course.write(`solutions/katas/01-demo/mutants/${name}.patch`, patch);
    course.exercise.mutants.push(name);
  }
  checks = plannedChecks(course.exercise, join(root, 'runs'));
  await layOutCopies(checks);
});
afterAll(async () => {
  pool.close();
  await rm(root, { recursive: true, force: true });
});
// About twenty Vitest processes one after another, then the same copies through the runners.
const slow = 900_000;

// The fixture needs no services: each copy's global setup would otherwise start its own.
const env = { ...process.env, CI: 'false', COURSE_NEEDS: '' };
const context = (): RunContext => ({
  env,
  timeoutMs: 120_000,
  options: { seedCount: 2, seeds: [1, 2], ci: false },
  cache: new RunCache<CheckResult>(join(root, 'cache'), false),
  shared: 'fixture',
});
const check = (name: string) => checks.find((c) => c.source.kind === 'mutant' && c.source.name === name)!;

describe('the self-check with its copies run by long-lived Vitest runners (--runner)', () => {
  it('gives every copy the verdict it gets in a process of its own, under each seed', async () => {
    const fixture = checks.filter((c) => c.source.kind !== 'mutant' || c.source.name in fixtureMutants);
    const alone: CheckResult[] = [];
    for (const c of fixture) alone.push(await checkVariant(c, context()));
    // Two at a time, as the self-check runs them: two runners.
    const together: CheckResult[] = [];
    for (let i = 0; i < fixture.length; i += 2) {
      together.push(...await Promise.all(fixture.slice(i, i + 2).map((c) => checkVariant(c, { ...context(), runner: pool.run }))));
    }
    expect(together).toEqual(alone);
    // The fixture covers each kind of verdict, so the comparison above is not vacuous.
    const byName = (name: string) => together[fixture.findIndex((c) => c.source.kind === 'mutant' && c.source.name === name)]!;
    expect(together[0]).toMatchObject({ ok: true, title: 'katas/01-demo: starter fails by assertion or TODO' });
    expect(together[1]).toMatchObject({ ok: true, title: 'katas/01-demo: reference passes' });
    expect(byName('off-by-one').detail).toBe('seeds 1, 2');
    expect(byName('harmless').title).toBe('katas/01-demo: mutant harmless survives');
    expect(byName('import-error').title).toBe('katas/01-demo: mutant import-error does not load');
    expect(byName('large-numbers').detail).toMatch(/caught under seed 1 but survives under seed 2/);
    expect(byName('typo-catcher').detail).toMatch(/did you mean "answer › is 42"/);
  }, slow);

  it('reports a copy that kills its runner as a crash, as its own process reports it, and runs the next copy in a fresh runner', async () => {
    const copy = { root: check('kills-vitest').root, env, timeoutMs: 120_000 };
    const alone = await runVitest(copy);
    const [inRunner] = await pool.run([copy]);
    expect(inRunner!.abort?.reason).toBe('crash');
    expect(inRunner!.abort?.reason).toBe(alone.abort?.reason);
    expect(inRunner!.abort?.detail).toMatch(/SIGKILL/);
    const [after] = await pool.run([{ root: checks[1]!.root, env, timeoutMs: 120_000 }]);
    expect(after!.abort).toBeUndefined();
    expect(after!.tests.every((test) => test.status === 'passed')).toBe(true);
  }, slow);

  it('reports a copy that never settles as a timeout, kills its runner, and runs the next copy in a fresh runner', async () => {
    // A short deadline: the copy loops forever, so only the deadline ends it.
    const copy = { root: check('hangs').root, env, timeoutMs: 15_000 };
    const alone = await runVitest(copy);
    const [inRunner] = await pool.run([copy]);
    expect(inRunner).toMatchObject({ tests: [], brokenFiles: [], abort: alone.abort });
    expect(inRunner!.abort?.reason).toBe('timeout');
    const [after] = await pool.run([{ root: checks[1]!.root, env, timeoutMs: 120_000 }]);
    expect(after!.abort).toBeUndefined();
    expect(after!.tests.every((test) => test.status === 'passed')).toBe(true);
  }, slow);
});
