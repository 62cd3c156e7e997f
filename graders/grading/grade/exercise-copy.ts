import { cp, lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Exercise } from '../runner/exercise-catalog.ts';
import { gitBlobHash } from '../integrity/git-blob-hash.ts';
import type { Manifest } from '../integrity/manifest.ts';
import { pristineContent } from '../integrity/pristine-source.ts';
import { reproductionTestFile } from '../runner/reproduction-legs.ts';

/** A course file of one exercise as the copy holds it, keyed by its path in the repository. */
export interface CopiedCourseFile {
  /** Repository path, e.g. `exercises/katas/01-x/test/x.test.ts`. */
  file: string;
  /** Path inside the copy, e.g. `test/x.test.ts`. */
  inCopy: string;
  hash: string;
}

export interface ExerciseCopy {
  root: string;
  /** Course files written from the course's own content; checked again after the run. */
  courseFiles: CopiedCourseFile[];
  /** Course files whose own content could not be found anywhere: the exercise is not graded. */
  missing: string[];
  /** Learner paths that are not plain files or folders (symlinks, named pipes, devices): not copied, not graded. */
  refused: string[];
}

/**
 * Lays out one exercise for grading: the course's files exactly as the manifest records
 * them (tests, metadata, README; files a learner added there are left out), then `src/` and
 * `answers.md` from each of `codeFolders` in turn, later ones laid over earlier ones. Without a
 * manifest entry for the exercise (a course still being written) its folder is copied as it
 * is. A clinic item's reproduction test is not laid out: it is graded on its own legs.
 */
export async function layOutExercise(options: {
  exercise: Exercise;
  codeFolders: readonly string[];
  manifest: Manifest | undefined;
  /** Checkouts to search for the course's content, the course's own first. */
  sources: readonly string[];
  into: string;
}): Promise<ExerciseCopy> {
  const { exercise, codeFolders, manifest, sources, into } = options;
  await rm(into, { recursive: true, force: true });
  await mkdir(into, { recursive: true });
  const prefix = `exercises/${exercise.path}/`;
  const entries = Object.entries(manifest?.files ?? {}).filter(([file]) => file.startsWith(prefix));
  const courseFiles: CopiedCourseFile[] = [];
  const missing: string[] = [];
  if (entries.length === 0) {
    await cp(exercise.folder, into, {
      recursive: true,
      // The learner's files come from codeFolders; a clinic item's reproduction runs apart.
      filter: (path) => ![join(exercise.folder, 'src'), join(exercise.folder, 'answers.md'), join(exercise.folder, 'design.yaml'), join(exercise.folder, reproductionTestFile)].includes(path),
    });
  } else {
    await Promise.all(
      entries.map(async ([file, hash]) => {
        const content = await pristineContent(file, hash, sources);
        if (!content) return void missing.push(file);
        const inCopy = file.slice(prefix.length);
        await mkdir(dirname(join(into, inCopy)), { recursive: true });
        await writeFile(join(into, inCopy), content);
        courseFiles.push({ file, inCopy, hash });
      }),
    );
  }
  const refused: string[] = [];
  for (const codeFolder of codeFolders) {
    // A design kata's design.yaml is the learner's attempt, like src/.
    for (const owned of ['src', 'answers.md', 'design.yaml']) {
      const from = join(codeFolder, owned);
      const strange = await irregularEntries(from);
      if (strange.length > 0) refused.push(...strange.map((path) => `${owned}${path}`));
      else if (await lstat(from).then(() => true, () => false)) await cp(from, join(into, owned), { recursive: true });
    }
  }
  return { root: into, courseFiles, missing: missing.sort(), refused };
}

/**
 * Entries below `path` (or `path` itself, as '') that are neither regular files nor folders.
 * A symlink could point the copy at the reference solutions or the grader's own files, and
 * reading a named pipe or a device blocks forever: such a tree is refused, never followed.
 */
async function irregularEntries(path: string, relative = ''): Promise<string[]> {
  const stats = await lstat(path).catch(() => undefined);
  if (!stats || stats.isFile()) return [];
  if (!stats.isDirectory()) return [relative];
  const found: string[] = [];
  for (const name of await readdir(path)) found.push(...(await irregularEntries(join(path, name), `${relative}/${name}`)));
  return found;
}

/** Course files in the copy that no longer hold the course's content after the run. */
export async function changedInCopy(copy: ExerciseCopy): Promise<string[]> {
  const changed: string[] = [];
  for (const { file, inCopy, hash } of copy.courseFiles) {
    const content = await readFile(join(copy.root, inCopy)).catch(() => undefined);
    if (!content || gitBlobHash(content) !== hash) changed.push(file);
  }
  return changed;
}
