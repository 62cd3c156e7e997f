import { cp, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifest } from '../integrity/manifest.ts';
import { selectExercises } from '../runner/exercise-catalog.ts';
import { repoRoot, scratchDir } from '../runner/repo-paths.ts';
import { sharedAddressesVariable } from '../../testkit/vitest/global-setup.ts';
import { gradeSubmissions } from './grade-submissions.ts';
import { postgresAddress } from '../../testkit/harness/fresh-database.ts';
import { withAdmin } from '../../testkit/harness/spare-databases.ts';

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

  it('gives full marks to the reference of a PostgreSQL kata run as the submission\'s own role, and leaves no role behind', async () => {
    const [exercise] = selectExercises(['01-order-placed-event']);
    const learner = join(work, 'submissions-pg', 'ref');
    for (const folder of [exercise!.folder, exercise!.solutionFolder!]) {
      await cp(folder, join(learner, 'exercises', exercise!.path), { recursive: true, filter: (path) => !path.includes('/mutants') && !path.includes('/alternates') });
    }
    const postgres = postgresAddress();
    const services = { postgres };
    const [graded] = await gradeSubmissions({
      submissionsDir: join(work, 'submissions-pg'), outDir: join(work, 'out-pg'), exercises: [exercise!],
      manifest: await buildManifest(repoRoot), timeoutMs: 300_000, jobs: 1, services, log: () => undefined,
      env: { ...process.env, COURSE_NEEDS: 'postgres', [sharedAddressesVariable]: JSON.stringify(services) },
    });
    const failures = graded!.results.exercises[0]?.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.message}`);
    expect(graded!.results.exercises[0], JSON.stringify({ reason: graded!.results.exercises[0]?.reason, failures })).toMatchObject({ status: 'passed' });
    expect(graded!.results.totals.points).toBe(graded!.results.totals.maxPoints);
    const roles = await withAdmin(postgres.adminUrl, async (admin) =>
      (await admin.query("SELECT rolname FROM pg_roles WHERE starts_with(rolname, 'learner_')")).rows);
    expect(roles).toEqual([]);
  }, 360_000);
});
