import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * What every exercise run can depend on besides its own folders: the test kit and services
 * its tests import, the schemas, the runner and the self-check that judge it, the Vitest and
 * TypeScript configs, the lockfile (every package's version) and Node's version. Whole
 * folders, not an import graph: a little too much re-running beats a stale pass.
 */
export const sharedInputs = [
  'graders/testkit',
  'graders/services',
  'graders/schemas',
  'graders/grading/runner',
  'graders/tools/selfcheck',
  'vitest.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

/** One digest over the files below the given paths (names and contents), in a stable order. */
export function digestFiles(root: string, paths: readonly string[], into = createHash('sha256')): ReturnType<typeof createHash> {
  const files = paths.flatMap((path) => filesUnder(join(root, path))).sort();
  for (const file of files) {
    into.update(`${relative(root, file)}\0`);
    into.update(readFileSync(file));
    into.update('\0');
  }
  return into;
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => (name === 'node_modules' ? [] : filesUnder(join(path, name))));
}

/** The digest of what every run shares, with Node's version in it. */
export function sharedDigest(root: string): string {
  return digestFiles(root, sharedInputs, createHash('sha256').update(`node ${process.version}\0`)).digest('hex');
}

/** What one run's outcome depends on, each part as a digest or a plain value. */
export interface RunInputs {
  shared: string;
  /** The exercise folder and its solutions folder (other mutants' patches left out). */
  exercise: string;
  /** starter, reference, alternate <name> or mutant <name>, and how it is checked. */
  run: string;
  /** The seeds the run's properties use (COURSE_SEED), one run each. */
  seeds: number[];
}

/**
 * The digest of an exercise's own inputs for one run: its folder, its solutions folder
 * without mutants/, and the one patch the run applies (so editing one mutant re-runs only it).
 */
export function exerciseDigest(root: string, exerciseFolder: string, solutionFolder: string | undefined, patchFile?: string): string {
  const hash = digestFiles(root, [relative(root, exerciseFolder)]);
  if (solutionFolder) {
    const parts = existsSync(solutionFolder) ? readdirSync(solutionFolder).filter((name) => name !== 'mutants') : [];
    digestFiles(root, parts.map((name) => relative(root, join(solutionFolder, name))), hash);
  }
  if (patchFile) digestFiles(root, [relative(root, patchFile)], hash);
  return hash.digest('hex');
}

export const runKey = (inputs: RunInputs) => createHash('sha256').update(JSON.stringify(inputs)).digest('hex');

/**
 * A seed chosen from the run's inputs: the same inputs give the same seeds (so an unchanged
 * run can be reused and a failure repeats), an edit gives new ones.
 */
export function seedFromInputs(inputs: Omit<RunInputs, 'seeds'>, index: number): number {
  return createHash('sha256').update(`${JSON.stringify(inputs)}#${index}`).digest().readInt32BE(0);
}

interface Entry<T> {
  inputs: RunInputs;
  recordedAt: string;
  outcome: T;
}

/**
 * Outcomes of self-check runs, one file per run named by the digest of its inputs, under
 * .course/ (git-ignored). Only passes are recorded: a failure always runs again, so the cache
 * can skip work but can never turn a failure into a pass, and an author fixing a failure
 * sees fresh output each time.
 */
export class RunCache<T> {
  hits = 0;
  readonly dir: string;
  private readonly enabled: boolean;
  constructor(dir: string, enabled: boolean) {
    this.dir = dir;
    this.enabled = enabled;
  }

  async get(inputs: RunInputs): Promise<T | undefined> {
    if (!this.enabled) return undefined;
    const file = join(this.dir, `${runKey(inputs)}.json`);
    if (!existsSync(file)) return undefined;
    try {
      const entry = JSON.parse(await readFile(file, 'utf8')) as Entry<T>;
      // A digest collision is not a worry; a hand-edited or truncated file is.
      if (JSON.stringify(entry.inputs) !== JSON.stringify(inputs)) return undefined;
      this.hits += 1;
      return entry.outcome;
    } catch {
      return undefined;
    }
  }

  /** Records a pass; anything else is not recorded. */
  async putPass(inputs: RunInputs, outcome: T, passed: boolean): Promise<void> {
    if (!passed) return;
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${runKey(inputs)}.json`);
    const entry: Entry<T> = { inputs, recordedAt: new Date().toISOString(), outcome };
    // Written whole, then renamed: a run stopped mid-write leaves no half entry behind.
    await writeFile(`${file}.tmp`, JSON.stringify(entry));
    await rename(`${file}.tmp`, file);
  }
}
