import { execFileSync } from 'node:child_process';
import { access, cp, mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { buildManifest } from '../integrity/manifest.ts';
import type { Exercise } from '../runner/exercise-catalog.ts';
import { scratchDir } from '../runner/repo-paths.ts';
import { sharedAddressesVariable } from '../../testkit/vitest/global-setup.ts';
import { gradeCourse } from './grade-course.ts';

const fixtures = new URL('./fixtures/tamper/', import.meta.url);
/** Every course made here, for the test file to remove afterwards. */
export const tamperRoots: string[] = [];

/**
 * A two-exercise course (01-add, 02-sum) in a fresh folder, committed to git as the course
 * publishes it, with a learner's src/ files laid in: the setting of `npm run grade` in a
 * learner's clone. Lives under .course/ so that its copies resolve the repository's packages.
 */
export async function tamperCourse(learner: string, { git = true } = {}) {
  const root = await mkdtemp(join(scratchDir, 'tamper-'));
  tamperRoots.push(root);
  await cp(new URL('course', fixtures), root, { recursive: true });
  const manifest = await buildManifest(root);
  if (git) {
    const run = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { stdio: 'ignore' });
    run('init', '--quiet');
    run('add', '--all');
    run('-c', 'user.name=Course', '-c', 'user.email=course@example.invalid', 'commit', '--quiet', '-m', 'course');
  }
  await addLearnerCode(root, learner);
  const exercises = ['01-add', '02-sum'].map((id): Exercise => ({
    path: `katas/${id}`,
    folder: join(root, 'exercises/katas', id),
    solutionFolder: join(root, 'solutions/katas', id),
    mutants: [],
    alternates: [],
    meta: {
      id, title: id, kind: 'kata', concepts: [], services: [], timeLimitMinutes: 5, points: 10, variants: [], hints: [],
    },
  }));
  const grade = (only?: string) =>
    gradeCourse({
      courseRoot: root, learnerRoot: root, target: 'learner', manifest,
      exercises: exercises.filter((e) => !only || e.meta.id === only),
      // Generous: no test here is about the deadline, and a loaded machine must not turn a grade into a timeout.
      timeoutMs: 120_000, concurrency: 1,
      env: { ...process.env, COURSE_NEEDS: '', [sharedAddressesVariable]: '{}' },
      services: {}, runDir: join(root, '.course', 'grade'),
    });
  return { root, grade, exercises, manifest };
}

/** Lays a learner's fixture files (or the honest ones where it has none) into src/. */
export async function addLearnerCode(root: string, learner: string): Promise<void> {
  for (const [exercise, file] of [['01-add', 'add.ts'], ['02-sum', 'sum.ts']] as const) {
    const from = new URL(`learner/${learner}/${file}`, fixtures);
    const fallback = new URL(`learner/honest/${file}`, fixtures);
    await mkdir(join(root, 'exercises/katas', exercise, 'src'), { recursive: true });
    await cp((await exists(from)) ? from : fallback, join(root, 'exercises/katas', exercise, 'src', file));
  }
}

/** A learner's checkout: the course as published, with their code in it. */
export async function learnerCheckout(into: string, learner: string): Promise<string> {
  await cp(new URL('course', fixtures), into, { recursive: true });
  await addLearnerCode(into, learner);
  return into;
}

function exists(url: URL): Promise<boolean> {
  return access(url).then(() => true, () => false);
}
