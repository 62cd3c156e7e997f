import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../quiz/bank.ts';
import { courseSchema } from '../runner/schema-validator.ts';
import type { GradeResults } from './grade-results.ts';
import { withQuizLog } from './with-quiz-log.ts';

const results = (target: GradeResults['target'], path: string): GradeResults => ({
  schemaVersion: 1, course: 'c', gradedAt: '2026-12-02T10:00:00.000Z', target,
  runtime: { node: 'v24', platform: 'linux-x64', durationMs: 1 }, services: {},
  totals: { points: 10, maxPoints: 10, exercises: 1, exercisesPassed: 1, testsPassed: 1, testsTotal: 1 },
  exercises: [{ id: 'x', path, title: 't', status: 'passed', points: 10, maxPoints: 10, testsPassed: 1, testsTotal: 1, durationMs: 1, tests: [] }],
});

describe('the quiz beside the graded exercises', () => {
  it('adds the quiz to a learner grade that covers the clinic, within the results schema', async () => {
    const root = await mkdtemp(join(tmpdir(), 'quiz-grade-'));
    const item = loadBank().find((i) => i.kind === 'numeric')!;
    await writeFile(join(root, 'quiz-log.json'), JSON.stringify({ version: 1, answers: [{ item: item.id, given: String(item.answer), at: '2026-12-01T09:00:00Z' }] }));
    const graded = await withQuizLog(results('learner', 'clinic/messaging-patterns/01-x'), root);
    expect(graded.exercises.at(-1)).toMatchObject({ id: 'quiz', testsPassed: 1, points: 0, maxPoints: 0, hint: expect.stringMatching(/self-reported/) });
    // Shown beside the exercises, counted in no total: not points, not an exercise, not tests.
    expect(graded.totals).toEqual(results('learner', 'clinic/messaging-patterns/01-x').totals);
    const validate = courseSchema('results.schema.json');
    expect(validate(graded), JSON.stringify(validate.errors)).toBe(true);
  });

  it('leaves reference runs and grades without clinic items alone', async () => {
    const root = await mkdtemp(join(tmpdir(), 'quiz-grade-'));
    expect((await withQuizLog(results('solutions', 'clinic/a/01-x'), root)).exercises).toHaveLength(1);
    expect((await withQuizLog(results('learner', 'katas/01-x'), root)).exercises).toHaveLength(1);
  });
});
