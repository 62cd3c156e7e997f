import { existsSync, readdirSync, statSync } from 'node:fs';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { PracticeError } from './practice-error.ts';
import type { Kata, Variant } from './practice-katas.ts';
import { type StarterSource, starterFile, starterPaths } from './starter-source.ts';

/** The starter of one attempt: file contents by path relative to the exercise folder. */
export interface AttemptStarter {
  files: Map<string, Buffer>;
  /** True when the attempt restarts all of src/ (the variant lists no files of its own). */
  wholeSrc: boolean;
}

/**
 * Reads from git the starter files an attempt at this variant begins with: src/, answers.md
 * and, for a design kata, design.yaml (its attempt is the design as much as the code).
 */
export async function attemptStarter(source: StarterSource, kata: Kata, variant: Variant): Promise<AttemptStarter> {
  const base = `exercises/${kata.path}`;
  const wanted = variant.files
    ? variant.files.map((file) => `${base}/src/${file}`)
    : await starterPaths(source, [`${base}/src`, `${base}/answers.md`, `${base}/design.yaml`]);
  if (!wanted.some((path) => path.startsWith(`${base}/src/`))) {
    throw new PracticeError(
      `${base}/src is not in ${source.ref} (${source.reason}): commit the starter, ` +
        'or set COURSE_STARTER_REF to a commit that has it.',
    );
  }
  const files = new Map<string, Buffer>();
  for (const path of wanted) files.set(path.slice(base.length + 1), await starterFile(source, path));
  return { files, wholeSrc: !variant.files };
}

/** Paths (relative to the exercise folder) of the learner's files the attempt will replace. */
export function filesAtStake(kata: Kata, starter: AttemptStarter): string[] {
  const present = [...starter.files.keys()].filter((path) => existsSync(join(kata.folder, path)));
  const extra = starter.wholeSrc ? filesBelow(join(kata.folder, 'src')).map((file) => relative(kata.folder, file)) : [];
  return [...new Set([...present, ...extra])].sort();
}

/** Copies the learner's files into the snapshot folder `into`. */
export async function saveFiles(kata: Kata, files: string[], into: string): Promise<void> {
  for (const file of files) {
    await mkdir(dirname(join(into, file)), { recursive: true });
    await cp(join(kata.folder, file), join(into, file));
  }
}

/** Puts the starter back; with all of src/ at stake, files the starter does not have go too. */
export async function writeStarter(kata: Kata, starter: AttemptStarter): Promise<void> {
  if (starter.wholeSrc) {
    for (const file of filesBelow(join(kata.folder, 'src'))) {
      if (!starter.files.has(relative(kata.folder, file))) await rm(file);
    }
  }
  for (const [file, content] of starter.files) {
    await mkdir(dirname(join(kata.folder, file)), { recursive: true });
    await writeFile(join(kata.folder, file), content);
  }
}

/** Copies a snapshot's files back over the exercise folder. */
export async function restoreFiles(kata: Kata, files: string[], from: string): Promise<void> {
  for (const file of files) {
    const saved = join(from, file);
    if (!existsSync(saved)) throw new PracticeError(`${saved} is missing: the saved work was moved or deleted.`);
    await mkdir(dirname(join(kata.folder, file)), { recursive: true });
    await cp(saved, join(kata.folder, file));
  }
}

function filesBelow(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}
