import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Exercise } from '../runner/exercise-catalog.ts';
import { repoRoot, scratchDir } from '../runner/repo-paths.ts';
import { formatRunAs, learnerUser, runAsVariable } from '../runner/learner-user.ts';
import { failureTextLimit, runVitest } from '../runner/run-vitest.ts';
import { sharedAddressesVariable } from '../../testkit/vitest/global-setup.ts';
import { workerHeapVariable } from '../../testkit/vitest/sandbox-flags.ts';
import { type CanonicalTest, scoreExercise } from './score-exercise.ts';

const fixtures = new URL('./fixtures/hostile/', import.meta.url);
// Copies live inside the repository so that they resolve its node_modules like an exercise.
const workDir = await mkdtemp(join(scratchDir, 'hostile-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));

async function gradeFixture(name: string, timeoutMs = 60_000, extraEnv: NodeJS.ProcessEnv = {}) {
  const root = join(workDir, name);
  await cp(new URL(name, fixtures), root, { recursive: true });
  const outcome = await runVitest({
    root,
    timeoutMs,
    env: { ...process.env, COURSE_NEEDS: '', [sharedAddressesVariable]: '{}', ...extraEnv },
  });
  const exercise = {
    path: `fixtures/${name}`,
    meta: { id: name, title: name, points: 10, services: [], hints: [] },
  } as unknown as Exercise;
  return scoreExercise(exercise, outcome, {}, canonicalTests[name] ?? canonicalTests.healthy);
}

/** What the fixtures' honest runs report: the only tests that count. */
const canonicalTests: Record<string, CanonicalTest[]> = {
  healthy: ['adds', 'adds negatives'].map((name) => ({ file: 'test/add.test.ts', name })),
  'configures-fast-check': ['adds', 'adds any two integers'].map((name) => ({ file: 'test/add.test.ts', name })),
};

describe.concurrent('grading a hostile submission', () => {
  it('gives a healthy submission full points, so the cases below are not scored 0 by accident', async () => {
    const result = await gradeFixture('healthy');
    expect(result).toMatchObject({ status: 'passed', points: 10, testsPassed: 2, testsTotal: 2 });
  });

  it('scores 0 with the reason when learner code throws at import', async () => {
    const result = await gradeFixture('throws-at-import');
    expect(result).toMatchObject({ status: 'error', points: 0 });
    expect(result.reason).toMatch(/could not run: .*learner code blew up while loading/);
  });

  it('scores 0 with the reason when learner code has a syntax error', async () => {
    const result = await gradeFixture('syntax-error');
    expect(result).toMatchObject({ status: 'error', points: 0 });
    expect(result.reason).toMatch(/test\/add\.test\.ts could not run/);
  });

  it('scores 0 with the reason when learner code calls process.exit in a test', async () => {
    const result = await gradeFixture('exits');
    expect(result).toMatchObject({ status: 'error', points: 0 });
    expect(result.reason).toMatch(/process\.exit/);
  });

  it('scores 0 with the reason when learner code calls process.exit at import', async () => {
    const result = await gradeFixture('exits-at-import');
    expect(result).toMatchObject({ status: 'error', points: 0 });
    expect(result.reason).toMatch(/process\.exit/);
  });

  it('scores 0 with the reason when learner code leaves a promise rejection unhandled', async () => {
    const result = await gradeFixture('unhandled-rejection');
    expect(result).toMatchObject({ status: 'error', points: 0 });
    expect(result.reason).toMatch(/an error escaped the tests/);
  });

  it('grades code that leaves a server and a timer open like any other, without waiting for the deadline', async () => {
    const result = await gradeFixture('open-handle', 30_000);
    expect(result).toMatchObject({ status: 'passed', points: 10, testsPassed: 2 });
    expect(result.durationMs).toBeLessThan(25_000);
  });

  it('ends a run whose code hoards memory at the heap limit, long before the deadline, and scores 0', async () => {
    // A small heap, so the test is quick: the mechanism is the one every graded run has.
    const result = await gradeFixture('exhausts-memory', 55_000, { [workerHeapVariable]: '192' });
    expect(result).toMatchObject({ points: 0 });
    expect(result.status).not.toBe('passed');
    expect(result.reason ?? '').not.toMatch(/timed out/);
    expect(result.reason).toMatch(/ran out of memory: a test worker reached its heap limit/);
    expect(result.reason).not.toMatch(/0x[0-9a-f]+/);
  });

  it('keeps a failure message of megabytes out of the results: it is cut to a readable length', async () => {
    const result = await gradeFixture('huge-failure-message');
    expect(result).toMatchObject({ status: 'failed', testsPassed: 1, testsTotal: 2 });
    const failure = result.tests.find((t) => t.status === 'failed')!;
    expect(failure.message).toMatch(/^Error: negative: x+… \(\d+ more characters cut\)$/);
    expect(JSON.stringify(result).length).toBeLessThan(failureTextLimit * 3);
  });

  it.runIf(process.getuid?.() === 0)('runs learner code as an unprivileged user under a root grader, so it cannot signal the grader', async () => {
    const user = await learnerUser(repoRoot);
    if (!('user' in user)) throw new Error(user.why);
    // mkdtemp made the work folder private; the learner user must reach its copy.
    await chmod(workDir, 0o755);
    const unprivileged = await gradeFixture('signals-grader', 60_000, { [runAsVariable]: formatRunAs(user.user) });
    expect(unprivileged, JSON.stringify({ reason: unprivileged.reason, tests: unprivileged.tests })).toMatchObject({ status: 'passed', points: 10 });
    // The same code run as root could have: the fixture's check is real.
    const asRoot = await gradeFixture('signals-grader');
    expect(asRoot.tests.find((t) => t.status === 'failed')?.message).toMatch(/could have stopped the grader/);
  });

  it('stops an endless loop at the exercise deadline and scores 0', async () => {
    const result = await gradeFixture('endless-loop', 8_000);
    expect(result).toMatchObject({ status: 'error', points: 0 });
    expect(result.reason).toMatch(/^timed out: did not finish within 8 s/);
  });

  it.each([
    ['patches an assertion so that every toBe passes', 'patches-expect', /chai's assertions › toBe/],
    ['adds a property to Object.prototype', 'patches-object-prototype', /Object\.prototype › pass/],
    ['sets fast-check to one run at import', 'configures-fast-check', /fast-check's global settings/],
    ['sets COURSE_RUNS at import', 'sets-course-runs', /\$COURSE_RUNS/],
  ])('scores 0 with the reason when learner code %s', async (_, name, changed) => {
    const result = await gradeFixture(name);
    expect(result).toMatchObject({ status: 'error', points: 0 });
    expect(result.reason).toMatch(/^COURSE INTEGRITY: .*had changed what the tests rest on/);
    expect(result.reason).toMatch(changed);
  });

  it('counts only the course\'s tests when learner code registers passing tests of its own', async () => {
    const result = await gradeFixture('registers-extra-tests');
    expect(result).toMatchObject({ points: 0, testsPassed: 0, testsTotal: 2 });
    expect(result.tests.map((t) => t.name)).toEqual(['adds', 'adds negatives']);
  });

  it('gives no points when learner code registers a hook that rewrites failures as passes', async () => {
    const result = await gradeFixture('registers-hooks');
    expect(result.points).toBe(0);
  });

  it('ignores a report written by learner code, directly or from a detached process, and writes nothing outside the copy', async () => {
    await rm('/tmp/course-hostile-was-here', { force: true });
    const result = await gradeFixture('writes-report-detached');
    expect(result.points).toBe(0);
    expect(existsSync('/tmp/course-hostile-was-here')).toBe(false);
  });

  it('stops a run whose code stopped Vitest with SIGSTOP at the deadline, and scores 0', async () => {
    const result = await gradeFixture('stops-grader', 8_000);
    expect(result).toMatchObject({ status: 'error', points: 0 });
    expect(result.reason).toMatch(/^timed out/);
  });
});
