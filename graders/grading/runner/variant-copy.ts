import { cp, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Exercise } from './exercise-catalog.ts';
import { applyMutantPatch, mutantPatchFile } from './mutant-patch.ts';

/** Whose code fills src/ (and answers.md) in a copy of an exercise. */
export type CodeSource =
  | { kind: 'starter' }
  | { kind: 'reference' }
  | { kind: 'mutant'; name: string }
  /** A further correct reference, solutions/<path>/alternates/<name>/. */
  | { kind: 'alternate'; name: string }
  /** A learner's folder: its src/ and answers.md, with everything else from the course. */
  | { kind: 'learner'; folder: string };

export function describeSource(source: CodeSource): string {
  return source.kind === 'mutant' || source.kind === 'alternate' ? `${source.kind} ${source.name}` : source.kind;
}

/** Files a learner writes (a design kata's design.yaml too); everything else in an exercise folder belongs to the course. */
const learnerOwned = ['src', 'answers.md', 'design.yaml'];

/**
 * Lays out a copy of the exercise under `into`: the course's README, metadata and tests,
 * with src/ and answers.md from the chosen source. Tests run against the copy, so nothing a
 * run does (or a learner's code writes) touches the checkout.
 */
export async function copyExercise(exercise: Exercise, source: CodeSource, into: string): Promise<string> {
  await rm(into, { recursive: true, force: true });
  await mkdir(into, { recursive: true });
  await cp(exercise.folder, into, {
    recursive: true,
    filter: (path) => !learnerOwned.some((owned) => path === join(exercise.folder, owned)),
  });
  const codeFolder =
    source.kind === 'starter'
      ? exercise.folder
      : source.kind === 'learner'
        ? source.folder
        : source.kind === 'alternate'
          ? join(solutionFolderOf(exercise), 'alternates', source.name)
          : solutionFolderOf(exercise);
  // References hold only the files that differ from the starter (the given types and helpers
  // are not repeated), so they are laid over it; an alternate holds only the files where its
  // design differs from the reference, laid over both; a mutant is a patch on the reference.
  const layers =
    source.kind === 'starter' || source.kind === 'learner'
      ? [codeFolder]
      : source.kind === 'alternate'
        ? [exercise.folder, solutionFolderOf(exercise), codeFolder]
        : [exercise.folder, codeFolder];
  for (const layer of layers) {
    for (const owned of learnerOwned) {
      const from = join(layer, owned);
      if (existsSync(from)) await cp(from, join(into, owned), { recursive: true });
    }
  }
  if (source.kind === 'mutant') {
    const patchFile = mutantPatchFile(solutionFolderOf(exercise), source.name);
    if (!existsSync(patchFile)) throw new Error(`No mutant "${source.name}": ${patchFile} does not exist.`);
    applyMutantPatch(patchFile, into);
  }
  return into;
}

function solutionFolderOf(exercise: Exercise): string {
  if (!exercise.solutionFolder) {
    throw new Error(`exercises/${exercise.path} has no solutions here: this is a learner's copy of the course, which ships without them.`);
  }
  return exercise.solutionFolder;
}
