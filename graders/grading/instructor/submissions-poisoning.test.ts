import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { learnerCheckout, tamperCourse, tamperRoots } from '../grade/tamper-course.ts';
import { sharedAddressesVariable } from '../../testkit/vitest/global-setup.ts';
import { gradeSubmissions } from './grade-submissions.ts';

afterAll(() => Promise.all(tamperRoots.map((root) => rm(root, { recursive: true, force: true }))));

describe('a submission that tries to poison what the next run reads', () => {
  it("changes nothing for the learner graded beside it or after it, and leaves nothing in the course's scratch space or caches", async () => {
    const course = await tamperCourse('honest');
    const submissions = await mkdtemp(join(course.root, '..', 'submissions-'));
    tamperRoots.push(submissions, `${submissions}-report`);
    await learnerCheckout(join(submissions, 'a-poisons-caches'), 'poisons-caches');
    await learnerCheckout(join(submissions, 'b-honest'), 'honest');
    const grade = (jobs: number) => gradeSubmissions({
      submissionsDir: submissions, outDir: `${submissions}-report`, exercises: course.exercises, manifest: course.manifest,
      courseRoot: course.root, timeoutMs: 120_000, jobs, services: {}, log: () => undefined,
      env: { ...process.env, COURSE_NEEDS: '', [sharedAddressesVariable]: '{}' },
    });
    // One at a time (b after a), then side by side (b's snapshot exists while a runs).
    for (const jobs of [1, 2]) {
      const graded = await grade(jobs);
      // a's own add is right and its sum is the honest TODO: 10 of 20. b is half done: 6.67, sum 0.
      expect(graded.map((g) => [g.learner, g.results.totals.points])).toEqual([['a-poisons-caches', 10], ['b-honest', 6.67]]);
      expect(graded[1]!.results.exercises.find((e) => e.id === '02-sum')).toMatchObject({ points: 0, testsPassed: 0 });
    }
    for (const planted of ['.course/planted.ts', 'node_modules/.vite/vitest/planted.json', '.course/grade/02-sum']) {
      expect(existsSync(join(course.root, planted)), planted).toBe(false);
    }
    expect(await readdir(join(course.root, '.course', 'submissions')).catch(() => [])).toEqual([]);
  }, 600_000);
});
