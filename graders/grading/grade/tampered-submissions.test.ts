import { readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tamperCourse, tamperRoots } from './tamper-course.ts';

afterAll(() => Promise.all(tamperRoots.map((root) => rm(root, { recursive: true, force: true }))));

const negativeTest = 'exercises/katas/01-add/test/negative.test.ts';
const positiveTest = 'exercises/katas/01-add/test/positive.test.ts';

async function edit(root: string, file: string, change: (text: string) => string) {
  await writeFile(join(root, file), change(await readFile(join(root, file), 'utf8')));
}

/** The half-done learner's honest score on 01-add: two of its three tests pass. */
const honest = { points: 6.67, testsPassed: 2, testsTotal: 3 };

describe.concurrent('grading a learner who edited the course tests', { timeout: 240_000 }, () => {
  it('scores the honest half-done work 2 of 3 tests, the score every case below must not beat', async () => {
    const { grade } = await tamperCourse('honest');
    const results = await grade('01-add');
    expect(results.exercises[0]).toMatchObject({ status: 'failed', ...honest });
    expect(results.integrity).toBeUndefined();
  });

  it.each([
    ['skips the failing test with .skip', negativeTest, (t: string) => t.replace("it('adds two negative", "it.skip('adds two negative")],
    ['focuses a passing test with .only', positiveTest, (t: string) => t.replace("it('adds zero'", "it.only('adds zero'")],
    ['deletes the failing assertion', negativeTest, (t: string) => t.replace('expect(add(-2, -3)).toBe(-5);', '')],
  ])('grades with the course copy when the learner %s, and reports it above the score', async (_, file, change) => {
    const { root, grade } = await tamperCourse('honest');
    await edit(root, file, change);
    const results = await grade('01-add');
    expect(results.exercises[0]).toMatchObject(honest);
    expect(results.integrity).toEqual([{ file, change: 'modified', handling: 'course-copy' }]);
  });

  it('grades with the course copy of a deleted test file', async () => {
    const { root, grade } = await tamperCourse('honest');
    await rm(join(root, negativeTest));
    const results = await grade('01-add');
    expect(results.exercises[0]).toMatchObject(honest);
    expect(results.integrity).toEqual([{ file: negativeTest, change: 'deleted', handling: 'course-copy' }]);
  });

  it('leaves out a test file the learner added', async () => {
    const { root, grade } = await tamperCourse('honest');
    const added = 'exercises/katas/01-add/test/extra.test.ts';
    await writeFile(join(root, added), "import { it } from 'vitest';\nit('passes', () => {});\n");
    const results = await grade('01-add');
    expect(results.exercises[0]).toMatchObject(honest);
    expect(results.integrity).toEqual([{ file: added, change: 'added', handling: 'left-out' }]);
  });

  it('scores the exercise 0 when a test was deleted and no course copy exists anywhere (no git)', async () => {
    const { root, grade } = await tamperCourse('honest', { git: false });
    await rm(join(root, negativeTest));
    const results = await grade('01-add');
    expect(results.exercises[0]).toMatchObject({ status: 'error', points: 0 });
    expect(results.exercises[0]!.reason).toMatch(/negative\.test\.ts differ.*restore it \(git checkout -- <file>\)/);
    expect(results.integrity).toEqual([{ file: negativeTest, change: 'deleted', handling: 'scored-zero' }]);
  });

  it('scores 0 learner code that tries to rewrite another exercise\'s tests and plant a file in graders/: the sandbox refuses the writes', async () => {
    const { root: honestRoot, grade: gradeHonest } = await tamperCourse('honest');
    const { root, grade } = await tamperCourse('writes-into-course');
    const [before, after] = await Promise.all([gradeHonest(), grade()]);
    expect(after.totals.points).toBeLessThanOrEqual(before.totals.points);
    expect(after.exercises.map((e) => [e.id, e.status, e.points])).toEqual([['01-add', 'error', 0], ['02-sum', 'failed', 0]]);
    expect(after.exercises[0]!.reason).toMatch(/could not run: .*Access to this API has been restricted/);
    expect(after.integrity).toBeUndefined();
    expect(existsSync(join(root, 'graders/planted.ts'))).toBe(false);
    expect(await readFile(join(root, 'exercises/katas/02-sum/test/sum.test.ts'), 'utf8'))
      .toBe(await readFile(join(honestRoot, 'exercises/katas/02-sum/test/sum.test.ts'), 'utf8'));
  });
});
