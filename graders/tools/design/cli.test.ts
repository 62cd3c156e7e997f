import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = new URL('./cli.ts', import.meta.url).pathname;
const fixtures = new URL('./fixtures/', import.meta.url).pathname;
/** Runs `npm run design -- ...` as typed in the fixtures folder, on the fixture course. */
// Each run starts Node with tsx: seconds on a shared machine, so the tests that run several
// give themselves room beyond the default minute (a ceiling, never a wait).
const several = { timeout: 240_000 };
const design = (...args: string[]) => designIn(fixtures, 'course', ...args);
const designIn = (cwd: string, course: string, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args, '--course', course], { cwd, env: { ...process.env, INIT_CWD: cwd }, encoding: 'utf8', timeout: 60_000 });

/** A copy of the fixture course with a practice log, so a test can write .course/ (which git ignores). */
function courseWithLog(log: object) {
  const root = mkdtempSync(join(tmpdir(), 'design-cli-'));
  cpSync(join(fixtures, 'course'), root, { recursive: true });
  mkdirSync(join(root, '.course', 'practice'), { recursive: true });
  writeFileSync(join(root, '.course', 'practice', 'log.json'), JSON.stringify(log));
  const read = () => readFileSync(join(root, '.course', 'practice', 'log.json'), 'utf8');
  return { root, read, [Symbol.dispose]: () => rmSync(root, { recursive: true, force: true }) };
}

describe('npm run design -- check', () => {
  it('exits 0 on a clean design, and names the next step for a kata', several, () => {
    const path = design('check', 'designs/good.yaml');
    expect([path.status, path.stdout]).toEqual([0, '']);
    const kata = design('check', 'sample-pipeline');
    expect(kata.status).toBe(0);
    expect(kata.stderr).toMatch(/no findings\. Next: npm run design -- compare 01-sample-pipeline/);
  });

  it('prints one line per finding (file:line: rule: problem. Fix: ...) and exits 1', several, () => {
    for (const [file, lines] of [
      ['yaml-error.yaml', [/^designs\/yaml-error\.yaml:5: yaml\/syntax: .*\. Fix: /, /^designs\/yaml-error\.yaml:6: yaml\/syntax: /]],
      ['unknown-component.yaml', [/^designs\/unknown-component\.yaml:5: component\/unknown-kind: .*Fix: did you mean `kafka`/]],
      ['untraced-nfr.yaml', [/^designs\/untraced-nfr\.yaml:15: nfr\/untraced: /, /^designs\/untraced-nfr\.yaml:17: nfr\/untraced: /]],
      ['undeclared-flow.yaml', [/^designs\/undeclared-flow\.yaml:13: flow\/undeclared: /, /^designs\/undeclared-flow\.yaml:20: nfr\/undeclared: /]],
    ] as const) {
      const run = design('check', `designs/${file}`);
      expect(run.status, file).toBe(1);
      expect(run.stdout.trim().split('\n'), file).toEqual(lines.map((line) => expect.stringMatching(line)));
      expect(run.stderr).toMatch(new RegExp(`${lines.length} finding\\(s\\) in designs/${file}`));
    }
  });

  it('exits 2 with a clear message, never a stack trace, on input it cannot work on', several, () => {
    for (const [args, message] of [
      [['check'], /check takes one kata or path/],
      [['check', 'no-such-kata'], /"no-such-kata" is neither a file nor a design kata: the design katas are 01-sample-pipeline, 02-unfinished, 03-tested/],
      [['check', 'designs'], /designs\/design\.yaml does not exist/],
      [['compare', 'designs/good.yaml'], /belongs to no design kata: compare works on a kata/],
      [['frob', 'x'], /Unknown command "frob"/],
      [['check', 'x', '--frob'], /Unknown option '--frob'/],
    ] as const) {
      const run = design(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('npm run design -- compare', () => {
  it('is refused with exit 1, the reason and what to do, before the attempt passes', () => {
    const run = design('compare', '02-unfinished');
    expect([run.status, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toMatch(/Compare stays closed: .*2 finding\(s\)/);
    expect(run.stderr).toMatch(/What to do: fix each finding/);
  });

  it('opens on the unfinished attempt once its practice time limit ran out, and says so', () => {
    // Started long before any run of this test, with a 60-minute limit: the real clock is past it.
    using course = courseWithLog({ version: 1, attempts: [], saved: [], active: { id: '02-unfinished-20260302T090000000Z', kata: 'design/02-unfinished', variant: 'default', startedAt: '2026-03-02T09:00:00.000Z', timeLimitMinutes: 60 } });
    const run = designIn(fixtures, course.root, 'compare', '02-unfinished');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Time is up: comparing an unfinished attempt\./);
  });

  it('shows the comparison and exits 0 once the attempt passes', () => {
    const run = design('compare', '01-sample-pipeline');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Your design covers 4 of 5 expected components\./);
    expect(run.stdout).toMatch(/Common mistakes: /);
  });
});

describe('npm run design -- reflect', () => {
  const scores = 'security-posture=4,compliance=2,nfr-compliance=5,data-flow-coherence=3,cost-awareness=1,operational-readiness=3,failure-handling=4';

  it('records the scores and the change, says they earn no points; bad input exits 2 naming what to fix, recording nothing', several, () => {
    using course = courseWithLog({ version: 1, attempts: [], saved: [] });
    const bad = designIn(fixtures, course.root, 'reflect', '01-sample-pipeline', '--scores', 'security-posture=9', '--change', 'meh');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--scores: security-posture: "9" is not a whole number from 1 to 5; no score for compliance, .*\n--change: "meh" is too short.*\nNothing was recorded\./);
    expect(JSON.parse(course.read())).toEqual({ version: 1, attempts: [], saved: [] });
    const run = designIn(fixtures, course.root, 'reflect', '01-sample-pipeline', '--scores', scores, '--change', 'Pseudonymise before the broker keeps anything.');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Reflection recorded for design\/01-sample-pipeline: weighted self-score 3\.1 of 5\./);
    expect(run.stdout).toMatch(/Self-scores earn no points/);
    expect(JSON.parse(course.read()).reflections).toEqual([expect.objectContaining({ kata: 'design/01-sample-pipeline', weighted: 3.1, change: 'Pseudonymise before the broker keeps anything.' })]);
  });
});
