import { cp, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifest } from '../integrity/manifest.ts';
import { selectExercises } from '../runner/exercise-catalog.ts';
import { repoRoot, scratchDir } from '../runner/repo-paths.ts';
import { sharedAddressesVariable } from '../../testkit/vitest/global-setup.ts';
import { gradeSubmissions } from './grade-submissions.ts';

const work = await mkdtemp(join(scratchDir, 'submissions-reference-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('gradeSubmissions on the course itself', () => {
  it('gives a learner who submits the reference of a kata with written answers full marks', async () => {
    // Kata 4 needs no service, and its answers tests lint answers.md with the course's own rules.
    const [exercise] = selectExercises(['04-cqrs-decision']);
    const learner = join(work, 'submissions', 'ref');
    for (const folder of [exercise!.folder, exercise!.solutionFolder!]) {
      await cp(folder, join(learner, 'exercises', exercise!.path), { recursive: true, filter: (path) => !path.includes('/mutants') });
    }
    const [graded] = await gradeSubmissions({
      submissionsDir: join(work, 'submissions'), outDir: join(work, 'out'), exercises: [exercise!],
      manifest: await buildManifest(repoRoot), timeoutMs: 120_000, jobs: 1, services: {}, log: () => undefined,
      env: { ...process.env, COURSE_NEEDS: '', [sharedAddressesVariable]: '{}' },
    });
    expect(graded!.results.exercises[0], JSON.stringify(graded!.results.exercises[0]?.reason)).toMatchObject({ status: 'passed' });
    expect(graded!.results.totals.points).toBe(graded!.results.totals.maxPoints);
  }, 180_000);
});
