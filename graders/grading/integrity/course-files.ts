import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Root files the grade depends on: the toolchain, the test configuration, the dev container,
 * and the Markdown rules the answers tests lint with. Each is part of every course snapshot a
 * submission is graded against, so a file missing from this list is missing there too.
 */
export const rootFiles = [
  'package.json', 'package-lock.json', 'tsconfig.json', 'vitest.config.ts', '.devcontainer.json', '.markdownlint-cli2.jsonc',
];
/** Folders whose files belong to the course, except the learner-owned files inside exercises/. */
const courseFolders = ['exercises', 'graders'];
/** Never part of a checkout's content: installed packages, scratch space, the manifest itself. */
const skippedFolders = new Set(['node_modules', '.course', '.git']);
export const manifestPath = 'graders/grading/integrity/manifest.json';

/**
 * Files a learner writes: an exercise's `src/` tree and its `answers.md`, and in a clinic item
 * the reproduction test too. Everything else under exercises/ (README, metadata, the course's
 * tests and their support) belongs to the course. Clinic items sit one folder deeper
 * (`exercises/clinic/<practice>/<item>/`) than katas and labs (`exercises/<kind>/<exercise>/`).
 */
export function isLearnerOwned(path: string): boolean {
  const inside = pathInsideExercise(path);
  if (inside === undefined) return false;
  return (
    inside.startsWith('src/') ||
    inside === 'answers.md' ||
    (path.startsWith('exercises/clinic/') && inside === clinicReproduction) ||
    (path.startsWith('exercises/design/') && inside === 'design.yaml')
  );
}

/** The reproduction test a clinic item's learner writes, relative to the item's folder. */
export const clinicReproduction = 'test/reproduce.test.ts';

/** The path of a file relative to its exercise's folder, or undefined outside exercises. */
function pathInsideExercise(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] !== 'exercises') return undefined;
  const depth = parts[1] === 'clinic' ? 4 : 3;
  return parts.length > depth ? parts.slice(depth).join('/') : undefined;
}

/**
 * The code a clinic item ships with its mistake in it: the starter's `src/`. The learner
 * rewrites it, so the manifest keeps its hashes apart, to lay the mistake out as shipped
 * when the grader proves that a reproduction test fails on it.
 */
export function isShippedMistake(path: string): boolean {
  return path.startsWith('exercises/clinic/') && isLearnerOwned(path) && pathInsideExercise(path)!.startsWith('src/');
}

/**
 * Whether a repository-relative path is a course-owned file the grade depends on. Workflows
 * are left out on purpose: the template rewrites them to point at the course's ref, and a
 * workflow a learner edits is caught by grading elsewhere, not by a check it would run itself.
 */
export function isCourseOwned(path: string): boolean {
  if (path === manifestPath) return false;
  if (rootFiles.includes(path)) return true;
  const top = path.split('/')[0]!;
  return courseFolders.includes(top) && !isLearnerOwned(path) && !path.split('/').some((part) => skippedFolders.has(part));
}

/** Every course-owned file present under `root`, as sorted forward-slash paths. */
export function listCourseFiles(root: string): string[] {
  return [...rootFiles.filter((file) => existsSync(join(root, file))), ...walkCourseFolders(root, isCourseOwned)].sort();
}

/** Every clinic item's shipped mistake (its starter `src/` files) under `root`, sorted. */
export function listShippedFiles(root: string): string[] {
  return walkCourseFolders(root, isShippedMistake).sort();
}

function walkCourseFolders(root: string, keep: (path: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      if (skippedFolders.has(entry.name)) continue;
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && keep(path)) found.push(path);
    }
  };
  for (const folder of courseFolders) if (existsSync(join(root, folder))) walk(folder);
  return found;
}
