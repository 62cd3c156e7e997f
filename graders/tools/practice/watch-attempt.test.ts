import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../grading/runner/repo-paths.ts';
import { courseFixture } from './practice-fixture.ts';
import { startAttempt, stopAttempt } from './practice-commands.ts';
import { readLog } from './practice-log.ts';
import { watchAttempt } from './watch-attempt.ts';

const kata = 'exercises/katas/01-demo';
const answerTest = [
  "import { expect, it } from 'vitest';",
  "import { answer } from '../src/answer.ts';",
  "it('answers 42', () => expect(answer()).toBe(42));",
  '',
].join('\n');

/** A fixture course inside the checkout, so its test files resolve vitest from node_modules. */
async function watchableCourse() {
  const course = await courseFixture('course', scratchDir);
  await course.write(`${kata}/test/answer.test.ts`, answerTest);
  return course;
}

describe('watchAttempt (real Vitest watch mode)', () => {
  it('logs the attempt as passed when an edit turns the tests green', async () => {
    await using course = await watchableCourse();
    const started = await startAttempt(course.ctx, '01-demo', 'answer-only');
    let runs = 0;
    const session = await watchAttempt(course.ctx, started, {
      showOutput: false,
      onRun: () => {
        // The learner's edit, made once the starter's first run has failed.
        if (++runs === 1) {
          course.clock.advance(3 * 60_000);
          void course.write(`${kata}/src/answer.ts`, 'export const answer = (): number => 42;\n');
        }
      },
    });
    try {
      const finished = await session.ended;
      expect(finished).toMatchObject({ id: started.attempt.id, passed: true, elapsedMs: 3 * 60_000 });
      expect(runs).toBe(2);
    } finally {
      await session.close();
    }
  });

  it('ends the attempt as not passed when it is stopped from another terminal', async () => {
    await using course = await watchableCourse();
    const started = await startAttempt(course.ctx, '01-demo');
    let firstRun!: () => void;
    const ranOnce = new Promise<void>((resolve) => (firstRun = resolve));
    const session = await watchAttempt(course.ctx, started, { showOutput: false, onRun: () => firstRun() });
    try {
      await ranOnce;
      course.clock.advance(12 * 60_000);
      await stopAttempt(course.ctx);
      expect(await session.ended).toMatchObject({ passed: false, elapsedMs: 12 * 60_000 });
      expect((await readLog(course.ctx.stateDir)).active).toBeUndefined();
    } finally {
      await session.close();
    }
  });
});
