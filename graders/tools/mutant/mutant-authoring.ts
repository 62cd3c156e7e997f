import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { FILE_HEADERS_ONLY, structuredPatch, formatPatch } from 'diff';
import { CourseRuleError, type Exercise } from '../../grading/runner/exercise-catalog.ts';
import { applyMutantPatch, mutantPatchFile, parseMutantPatch } from '../../grading/runner/mutant-patch.ts';
import { repoRoot, scratchDir } from '../../grading/runner/repo-paths.ts';
import { copyExercise } from '../../grading/runner/variant-copy.ts';
import { filesBelow } from '../selfcheck/static-checks.ts';

/** Where `npm run mutant -- open` lays out a mutant for its author to edit. */
export const editFolder = (exercise: Exercise, name: string, editRoot = join(scratchDir, 'mutant-edit')) => join(editRoot, exercise.meta.id, name);

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
function checkName(name: string): void {
  if (!slug.test(name)) throw new CourseRuleError(`"${name}" is not a mutant name: use lowercase words joined by hyphens, e.g. offset-before-effect.`);
}

/**
 * Lays the reference over the starter (with the mutant's patch applied when it exists) in
 * a folder of its own for the author to edit. An existing edit folder is kept: it may hold
 * unsaved work.
 */
export async function openMutant(exercise: Exercise, name: string, editRoot?: string): Promise<{ folder: string; existing: boolean }> {
  checkName(name);
  const folder = editFolder(exercise, name, editRoot);
  if (existsSync(folder)) {
    throw new CourseRuleError(`${relative(repoRoot, folder)} already exists (unsaved work?): edit it and save, or delete it to start again.`);
  }
  const existing = existsSync(mutantPatchFile(solutionFolderOf(exercise), name));
  await copyExercise(exercise, existing ? { kind: 'mutant', name } : { kind: 'reference' }, folder);
  return { folder, existing };
}

/** The files a mutant may change: the learner-owned part of a copy. */
function codeFiles(root: string): string[] {
  const src = existsSync(join(root, 'src')) ? filesBelow(join(root, 'src')) : [];
  const answers = existsSync(join(root, 'answers.md')) ? [join(root, 'answers.md')] : [];
  return [...src, ...answers].map((file) => relative(root, file).replaceAll('\\', '/'));
}

/** The edit folder's changes against the reference laid over the starter, as a unified diff with a/ and b/ paths. */
export function diffAgainst(base: string, edited: string): string {
  const paths = [...new Set([...codeFiles(base), ...codeFiles(edited)])].sort();
  const read = (root: string, path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '');
  return paths
    .map((path) => structuredPatch(`a/${path}`, `b/${path}`, read(base, path), read(edited, path)))
    .filter((patch) => patch.hunks.length > 0)
    .map((patch) => formatPatch(patch, FILE_HEADERS_ONLY))
    .join('\n');
}

export interface SaveRequest {
  /** The mistake in a learner's words; kept from the existing patch when not given. */
  mistake?: string;
  /** `<test file>: <describe › it>`; kept from the existing patch when not given. */
  caughtBy?: string;
  editRoot?: string;
}

/** Writes solutions/<path>/mutants/<name>.patch from the edit folder, refusing an empty diff. */
export async function saveMutant(exercise: Exercise, name: string, request: SaveRequest): Promise<{ patchFile: string; text: string }> {
  checkName(name);
  const folder = editFolder(exercise, name, request.editRoot);
  if (!existsSync(folder)) {
    throw new CourseRuleError(`Nothing to save: ${relative(repoRoot, folder)} does not exist. Start with npm run mutant -- open ${exercise.meta.id} ${name}.`);
  }
  const patchFile = mutantPatchFile(solutionFolderOf(exercise), name);
  const where = relative(repoRoot, patchFile);
  const previous = existsSync(patchFile) ? parseMutantPatch(readFileSync(patchFile, 'utf8'), where) : undefined;
  const mistake = request.mistake?.trim() || previous?.mistake;
  const caughtBy = request.caughtBy?.trim() || (previous?.caughtBy && `${previous.caughtBy.file}: ${previous.caughtBy.test}`);
  if (!mistake) throw new CourseRuleError('Say what the mistake is: --mistake "<the mistake, one sentence in a learner\'s words>".');
  if (!caughtBy) throw new CourseRuleError('Name the test that catches it: --caught-by "<test file>: <describe › it>", e.g. "test/relay.test.ts: the relay › retries".');
  const scratch = await mkdtemp(join(scratchDir, 'mutant-save-'));
  try {
    const base = await copyExercise(exercise, { kind: 'reference' }, join(scratch, 'reference'));
    const diff = diffAgainst(base, folder);
    if (diff.trim() === '') {
      throw new CourseRuleError(`${relative(repoRoot, folder)} is the reference unchanged: make the mistake in its src/ first, then save.`);
    }
    const text = `MUTANT: ${mistake.replaceAll('\n', ' ')}\nCaught-by: ${caughtBy}\n${diff}`;
    parseMutantPatch(text, where);
    // The patch must plant exactly the edit: applied to a fresh reference, it gives the edited files.
    const check = join(scratch, 'check');
    await writeFile(join(scratch, 'mutant.patch'), text);
    await copyExercise(exercise, { kind: 'reference' }, check);
    applyMutantPatch(join(scratch, 'mutant.patch'), check);
    if (diffAgainst(check, folder) !== '') throw new Error(`the patch written for ${name} does not reproduce the edit; please report this`);
    // The first mutant of a solution starts its mutants/ folder.
    await mkdir(dirname(patchFile), { recursive: true });
    await writeFile(patchFile, text);
    return { patchFile, text };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function solutionFolderOf(exercise: Exercise): string {
  if (!exercise.solutionFolder) throw new CourseRuleError('Mutants live in solutions/, which this copy of the course does not have.');
  return exercise.solutionFolder;
}
