import { cp, lstat, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Exercise } from '../runner/exercise-catalog.ts';
import type { Manifest } from '../integrity/manifest.ts';
import { pristineContent } from '../integrity/pristine-source.ts';
import { type Leg, type LegResult, judgeLeg, reproductionTestFile, runReproduction } from '../runner/reproduction-legs.ts';
import { layOutExercise } from './exercise-copy.ts';

export interface ClinicLegRun {
  exercise: Exercise;
  target: 'learner' | 'solutions';
  learnerRoot: string;
  manifest: Manifest | undefined;
  /** Checkouts to search for the course's content, the course's own first. */
  sources: readonly string[];
  /** The copy the behaviour tests ran in: the learner's repair. */
  repairCopy: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

/** A leg that could not be checked in this checkout (no course solutions here). */
export interface LegOutcome extends LegResult {
  skipped?: boolean;
}

export interface ClinicLegs {
  legs: LegOutcome[];
  /** A test of the learner's reproduction that failed on the shipped code, for the mistake log. */
  provenTestName?: string;
}

const legOrder: readonly Leg[] = ['fails-on-shipped-mistake', 'passes-on-your-repair', 'passes-on-course-repair'];

/**
 * Proves a clinic item's reproduction test is evidence: it must fail on the mistake as the
 * course shipped it (its src/ rebuilt from the manifest's hashes, never the learner's copy),
 * pass on the learner's repair, and pass on the course's repair where the course's solutions
 * are at hand (the grade of record); elsewhere that leg is reported as not checked.
 */
export async function runClinicLegs(run: ClinicLegRun): Promise<ClinicLegs> {
  const { exercise } = run;
  const reproduction = run.target === 'learner'
    ? join(run.learnerRoot, 'exercises', exercise.path, reproductionTestFile)
    : join(exercise.solutionFolder!, reproductionTestFile);
  const unusable = await whyUnusable(reproduction);
  if (unusable) return { legs: legOrder.map((leg) => ({ leg, ok: false, detail: unusable })) };

  const legs: LegOutcome[] = [];
  const shipped = await layOutShipped(run, `${run.repairCopy}.shipped`);
  let provenTestName: string | undefined;
  if (typeof shipped === 'string') {
    legs.push({ leg: 'fails-on-shipped-mistake', ok: false, detail: shipped });
  } else {
    const outcome = await runReproduction({ copyRoot: shipped.root, reproductionTest: reproduction, env: run.env, timeoutMs: run.timeoutMs });
    legs.push(judgeLeg('fails-on-shipped-mistake', outcome));
    provenTestName = outcome.tests.find((test) => test.status === 'failed')?.name;
  }
  const yours = await runReproduction({ copyRoot: run.repairCopy, reproductionTest: reproduction, env: run.env, timeoutMs: run.timeoutMs });
  legs.push(judgeLeg('passes-on-your-repair', yours));
  legs.push(await courseRepairLeg(run, reproduction));
  return { legs, ...(provenTestName ? { provenTestName } : {}) };
}

async function courseRepairLeg(run: ClinicLegRun, reproduction: string): Promise<LegOutcome> {
  const solution = run.exercise.solutionFolder;
  if (solution === undefined || !existsSync(join(solution, 'src'))) {
    return {
      leg: 'passes-on-course-repair', ok: true, skipped: true,
      detail: "not checked here: this checkout has no course solutions (your instructor's grade checks it)",
    };
  }
  // The course's repair holds only the files it changes, so it is laid over the mistake as shipped.
  const base = await layOutShipped(run, `${run.repairCopy}.course`);
  if (typeof base === 'string') return { leg: 'passes-on-course-repair', ok: false, detail: base };
  await cp(join(solution, 'src'), join(base.root, 'src'), { recursive: true });
  const outcome = await runReproduction({ copyRoot: base.root, reproductionTest: reproduction, env: run.env, timeoutMs: run.timeoutMs });
  const leg = judgeLeg('passes-on-course-repair', outcome);
  // The learner's test ran beside the course's repair: its names and messages could carry that
  // code into a report the learner reads, so a failing leg says only what to do.
  if (leg.ok) return leg;
  const finished = !outcome.abort && outcome.brokenFiles.length === 0;
  return {
    ...leg,
    detail: finished
      ? "your reproduction fails on the course's repair: it asks for more than the repair; test the behaviour the mistake broke, not one way of writing the fix"
      : "your reproduction does not load or did not finish on the course's repair: make it load and run on your own repair first",
  };
}

/** The item's course files with its src/ exactly as shipped; a string says why that cannot be had. */
async function layOutShipped(run: ClinicLegRun, into: string): Promise<{ root: string } | string> {
  const { exercise, manifest } = run;
  const copy = await layOutExercise({ exercise, codeFolders: [], manifest, sources: run.sources, into });
  if (copy.missing.length > 0) return `the course's own copy of ${copy.missing.join(', ')} is not in this checkout or its git history`;
  const prefix = `exercises/${exercise.path}/`;
  const shipped = Object.entries(manifest?.shipped ?? {}).filter(([file]) => file.startsWith(prefix));
  if (shipped.length === 0) {
    // A course still being written has no manifest entry: its own starter is the shipped code.
    await cp(join(exercise.folder, 'src'), join(copy.root, 'src'), { recursive: true });
    return copy;
  }
  for (const [file, hash] of shipped) {
    const content = await pristineContent(file, hash, run.sources);
    if (!content) return `the shipped ${file} is not in this checkout or its git history: restore it with git and grade again`;
    await mkdir(dirname(join(copy.root, file.slice(prefix.length))), { recursive: true });
    await writeFile(join(copy.root, file.slice(prefix.length)), content);
  }
  return copy;
}

async function whyUnusable(reproduction: string): Promise<string | undefined> {
  const stat = await lstat(reproduction).catch(() => undefined);
  if (!stat) return `${reproductionTestFile} is missing: write your reproduction there.`;
  if (!stat.isFile()) return `${reproductionTestFile} is not a regular file (a link or a pipe): write your reproduction as a plain file.`;
  return undefined;
}
