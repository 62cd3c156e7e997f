import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { applyPatch, parsePatch, type StructuredPatch } from 'diff';
import { CourseRuleError } from './exercise-catalog.ts';

/**
 * A mutant is the mistake itself: a header naming it, then a unified diff against the
 * reference laid over the starter, paths relative to the exercise root (`a/src/relay.ts`).
 *
 *   MUTANT: the relay marks a row published before the broker acknowledged it.
 *   Caught-by: test/relay.test.ts: the polling relay › leaves rows pending while the broker is down
 *   --- a/src/relay.ts
 *   +++ b/src/relay.ts
 *   @@ ...
 */
export interface MutantPatch {
  /** The `MUTANT:` sentence: the mistake in a learner's words. */
  mistake: string;
  /** The `Caught-by:` line, `file: full test name`, when the patch names its catching test. */
  caughtBy?: { file: string; test: string };
  files: StructuredPatch[];
}

/** A patch the self-check cannot use: the message names the file and the fix. */
export class MutantPatchError extends CourseRuleError {}

export function parseMutantPatch(text: string, where: string): MutantPatch {
  const lines = text.split('\n');
  const diffStart = lines.findIndex((line) => line.startsWith('--- ') || line.startsWith('diff '));
  const header = (diffStart === -1 ? lines : lines.slice(0, diffStart)).map((line) => line.trim());
  const field = (name: string) => header.find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1).trim();
  const mistake = field('MUTANT');
  if (!header[0]?.startsWith('MUTANT: ') || !mistake) {
    throw new MutantPatchError(`${where}: the first line must be "MUTANT: <the mistake, one sentence>".`);
  }
  if (diffStart === -1) {
    throw new MutantPatchError(`${where}: no diff after the header; add a unified diff against the reference (--- a/src/..., +++ b/src/...).`);
  }
  const caughtByText = field('Caught-by');
  let caughtBy: MutantPatch['caughtBy'];
  if (caughtByText !== undefined) {
    const split = caughtByText.indexOf(': ');
    if (split === -1) throw new MutantPatchError(`${where}: write "Caught-by: <test file>: <full test name>".`);
    caughtBy = { file: caughtByText.slice(0, split), test: caughtByText.slice(split + 2) };
  }
  const files = parsePatch(lines.slice(diffStart).join('\n'));
  if (files.length === 0 || files.some((file) => file.hunks.length === 0)) {
    throw new MutantPatchError(`${where}: the diff has a file without hunks; regenerate it with diff -u or git diff --no-index.`);
  }
  return { mistake, ...(caughtBy ? { caughtBy } : {}), files };
}

/** `a/src/relay.ts` → `src/relay.ts`, refusing any path that leaves the copy. */
function targetPath(name: string | undefined, root: string, where: string): string {
  const path = (name ?? '').replace(/^[ab]\//, '');
  const absolute = resolve(root, path);
  if (!path || !absolute.startsWith(resolve(root) + sep)) {
    throw new MutantPatchError(`${where}: "${name}" is not a path inside the exercise (write a/src/<file>).`);
  }
  return absolute;
}

/** Applies a mutant's patch to a laid-out copy, or says which file and hunk no longer apply. */
export function applyMutantPatch(patchFile: string, root: string): MutantPatch {
  const where = relative(process.cwd(), patchFile);
  const mutant = parseMutantPatch(readFileSync(patchFile, 'utf8'), where);
  for (const file of mutant.files) {
    const target = targetPath(file.newFileName ?? file.oldFileName, root, where);
    const before = existsSync(target) ? readFileSync(target, 'utf8') : '';
    const after = applyPatch(before, file);
    if (after === false) {
      throw new MutantPatchError(
        `${where} no longer applies to ${relative(root, target)}: the reference changed under it. ` +
          'Lay the reference over the starter, make the mistake again, and rewrite the patch.',
      );
    }
    writeFileSync(target, after);
  }
  return mutant;
}

export const mutantPatchFile = (solutionFolder: string, name: string) => join(solutionFolder, 'mutants', `${name}.patch`);
