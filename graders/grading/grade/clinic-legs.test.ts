import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readManifest } from '../integrity/manifest.ts';
import { selectExercises } from '../runner/exercise-catalog.ts';
import { repoRoot, scratchDir } from '../runner/repo-paths.ts';
import { reproductionTestFile } from '../runner/reproduction-legs.ts';
import { sharedAddressesVariable } from '../../testkit/vitest/global-setup.ts';
import { runClinic } from './clinic-legs.ts';
import { layOutExercise } from './exercise-copy.ts';

// An item with no services, so each leg is one quick Vitest run.
const exercise = selectExercises(['07-retry-forever'])[0]!;
const manifest = readManifest(repoRoot);
const workDir = await mkdtemp(join(scratchDir, 'clinic-legs-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));


/** A learner checkout holding only the reproduction given, graded with the course's repair as the learner's. */
async function legsFor(name: string, writeReproduction: (file: string) => Promise<void>) {
  const learnerRoot = join(workDir, name);
  const file = join(learnerRoot, 'exercises', exercise.path, reproductionTestFile);
  await mkdir(join(file, '..'), { recursive: true });
  await writeReproduction(file);
  const repair = await layOutExercise({
    exercise, codeFolders: [exercise.folder, exercise.solutionFolder!], manifest, sources: [repoRoot], into: join(workDir, `${name}-repair`),
  });
  return runClinic({
    exercise, target: 'learner', learnerRoot, manifest, sources: [repoRoot], repairCopy: repair.root,
    env: { ...process.env, COURSE_NEEDS: '', [sharedAddressesVariable]: '{}' }, timeoutMs: 60_000,
  });
}

const source = (body: string) => async (file: string) => writeFile(file, body);
const summary = (legs: { leg: string; ok: boolean }[]) => legs.map(({ leg, ok }) => `${leg}: ${ok}`);

describe.concurrent("proving a clinic item's reproduction on its three legs", () => {
  it("holds for the course's own reproduction", async () => {
    const course = await readFile(join(exercise.solutionFolder!, reproductionTestFile), 'utf8');
    const { legs, provenTestName } = await legsFor('course', source(course));
    expect(summary(legs)).toEqual(['fails-on-shipped-mistake: true', 'passes-on-your-repair: true', 'passes-on-course-repair: true']);
    expect(provenTestName).toBeTruthy();
  });

  it('refuses a reproduction that asserts nothing: it passes on the shipped mistake', async () => {
    const { legs } = await legsFor('asserts-nothing', source(`import { it } from 'vitest';\nit('runs', () => {});\n`));
    expect(legs[0]).toMatchObject({ leg: 'fails-on-shipped-mistake', ok: false });
    expect(legs[0]!.detail).toMatch(/passes on the shipped code, so it does not reproduce the mistake/);
  });

  it('refuses a reproduction that fails everywhere: it does not pass on a repair', async () => {
    const { legs } = await legsFor('fails-everywhere', source(`import { expect, it } from 'vitest';\nit('fails', () => expect(1).toBe(2));\n`));
    expect(summary(legs)).toEqual(['fails-on-shipped-mistake: true', 'passes-on-your-repair: false', 'passes-on-course-repair: false']);
    expect(legs[2]!.detail).toMatch(/asks for more than the repair/);
    // The course's repair stays out of what the learner reads: not even their own test's message.
    expect(legs[2]!.detail).not.toMatch(/expected 1 to be 2/);
    expect(legs[1]!.detail).toMatch(/expected 1 to be 2/);
  });

  it('reports a reproduction that does not load on every leg, without stopping the grade', async () => {
    const { legs, behaviour } = await legsFor('syntax-error', source(`import { it } from 'vitest';\nit('broken', () => {\n`));
    expect(legs.map((leg) => leg.ok)).toEqual([false, false, false]);
    for (const leg of legs) expect(leg.detail).toMatch(/does not load|did not finish/);
    // The course tests ran beside it on the same repair copy, and its breakage is not theirs.
    expect(behaviour.abort).toBeUndefined();
    expect(behaviour.brokenFiles).toEqual([]);
    expect(behaviour.tests.length).toBeGreaterThan(0);
    expect(behaviour.tests.filter((test) => test.status !== 'passed')).toEqual([]);
  });

  it('refuses a reproduction that is a link instead of a file', async () => {
    const { legs } = await legsFor('symlink', (file) => symlink(join(exercise.solutionFolder!, reproductionTestFile), file));
    expect(legs.map((leg) => leg.ok)).toEqual([false, false, false]);
    expect(legs[0]!.detail).toMatch(/not a regular file/);
  });
});
