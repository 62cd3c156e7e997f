import { describe, expect, it } from 'vitest';
import { attemptRecorder } from './attempt-recorder.ts';
import { GreenTracker, type RunResult } from './green-tracker.ts';
import { courseFixture } from './practice-fixture.ts';
import { startAttempt } from './practice-commands.ts';
import { readLog } from './practice-log.ts';

const run = (states: Record<string, RunResult['files'][number]['state']>, unhandledErrors = 0): RunResult => ({
  files: Object.entries(states).map(([file, state]) => ({ file, state })),
  unhandledErrors,
});

describe('GreenTracker', () => {
  it('goes green only when every watched file has passed', () => {
    const tracker = new GreenTracker(2);
    expect(tracker.observe(run({ a: 'passed', b: 'failed' }))).toBe(false);
    expect(tracker.observe(run({ a: 'passed', b: 'passed' }))).toBe(true);
  });

  it('remembers files a rerun did not touch', () => {
    const tracker = new GreenTracker(2);
    expect(tracker.observe(run({ a: 'passed', b: 'failed' }))).toBe(false);
    expect(tracker.observe(run({ b: 'passed' }))).toBe(true);
  });

  it('waits for every watched file to have run at least once', () => {
    const tracker = new GreenTracker(2);
    expect(tracker.observe(run({ a: 'passed' }))).toBe(false);
  });

  it('does not go green on a run with an unhandled error', () => {
    const tracker = new GreenTracker(1);
    expect(tracker.observe(run({ a: 'passed' }, 1))).toBe(false);
    expect(tracker.observe(run({ a: 'passed' }))).toBe(true);
  });

  it('reports green once, on the first all-green run', () => {
    const tracker = new GreenTracker(1);
    expect([run({ a: 'passed' }), run({ a: 'failed' }), run({ a: 'passed' })].map((r) => tracker.observe(r)))
      .toEqual([true, false, false]);
  });
});

describe('attemptRecorder', () => {
  it('logs the attempt as passed at the clock time of the first all-green run', async () => {
    await using course = await courseFixture();
    const { attempt } = await startAttempt(course.ctx, '01-demo');
    const recorder = attemptRecorder(course.ctx, attempt, 2);

    course.clock.advance(60_000);
    expect(await recorder.observe(run({ a: 'failed', b: 'failed' }))).toBeUndefined();
    course.clock.advance(4 * 60_000);
    expect(await recorder.observe(run({ a: 'passed' }))).toBeUndefined();
    course.clock.advance(2 * 60_000);
    const finished = await recorder.observe(run({ b: 'passed' }));

    expect(finished).toMatchObject({ id: attempt.id, passed: true, elapsedMs: 7 * 60_000 });
    expect((await readLog(course.ctx.stateDir)).attempts).toEqual([finished]);
  });
});
