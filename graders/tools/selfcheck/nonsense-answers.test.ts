import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExercise } from '../../grading/runner/exercise-catalog.ts';
import { scratchDir } from '../../grading/runner/repo-paths.ts';
import { runVitest } from '../../grading/runner/run-vitest.ts';
import { copyExercise } from '../../grading/runner/variant-copy.ts';

// Prose earns points only where a test compares it with what the code does. Each of these
// katas keeps a mutant `answers-nonsense` (Purple monkeys dishwasher under the right
// headings, with every trait word); the self-check proves one named test fails on it, and
// this proves that no answers test passes on it: nonsense scores 0 of the answers' points.
const katas = ['katas/03-checkout-saga', 'katas/04-cqrs-decision'];

describe.each(katas)('nonsense answers for %s', (path) => {
  it('pass none of the answers tests', async () => {
    const exercise = loadExercise(path);
    const root = await copyExercise(exercise, { kind: 'mutant', name: 'answers-nonsense' }, join(scratchDir, 'nonsense-answers', exercise.meta.id));
    const outcome = await runVitest({ root, env: process.env, timeoutMs: 120_000, files: ['test/answers.test.ts'] });
    expect(outcome.brokenFiles, 'the answers tests must load').toEqual([]);
    expect(outcome.tests.length, 'the answers tests must run').toBeGreaterThan(0);
    expect(outcome.tests.filter((test) => test.status === 'passed').map((test) => test.name), 'answers tests passed on nonsense').toEqual([]);
  }, 180_000);
});
