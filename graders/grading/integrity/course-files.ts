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
 * Files a learner writes: an exercise's `src/` tree and its `answers.md`. Everything else
 * under exercises/ (README, metadata, tests) belongs to the course.
 */
export function isLearnerOwned(path: string): boolean {
  return /^exercises\/[^/]+\/[^/]+\/(src\/|answers\.md$)/.test(path);
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
  const found = rootFiles.filter((file) => existsSync(join(root, file)));
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      if (skippedFolders.has(entry.name)) continue;
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && isCourseOwned(path)) found.push(path);
    }
  };
  for (const folder of courseFolders) if (existsSync(join(root, folder))) walk(folder);
  return found.sort();
}
