import { copyFile, cp, lstat, mkdir, writeFile } from 'node:fs/promises';
import { existsSync, globSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Exercise } from '../runner/exercise-catalog.ts';
import type { Manifest } from '../integrity/manifest.ts';
import { pristineContent } from '../integrity/pristine-source.ts';
import { type Leg, type LegResult, judgeLeg, reproductionTestFile } from '../runner/reproduction-legs.ts';
import { runIsolatedTogether } from '../runner/run-vitest-batch.ts';
import type { RunOptions, RunOutcome } from '../runner/run-vitest.ts';
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
  /** Test files run at once (see RunOptions.maxWorkers). */
  maxWorkers?: number;
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

/** An item's graded runs: its course tests on the learner's repair, and the legs of its reproduction. */
export interface ClinicRuns extends ClinicLegs {
  behaviour: RunOutcome;
}

/**
 * Grades a clinic item: its course tests on the learner's repair (the behaviour score), and
 * the legs that prove the learner's reproduction test is evidence: it must fail on the mistake
 * as the course shipped it (its src/ rebuilt from the manifest's hashes, never the learner's
 * copy), pass on the learner's repair, and pass on the course's repair where the course's
 * solutions are at hand (the grade of record); elsewhere that leg is reported as not checked.
 * All of it runs in one Vitest process where each copy keeps a project and each test file a
 * fork of its own (runIsolatedTogether): three or four runs pay Vitest's start once, and the
 * verdicts are the ones separate runs give.
 */
export async function runClinic(run: ClinicLegRun): Promise<ClinicRuns> {
  // Listed before the reproduction is put into the repair copy: the behaviour run is the course's tests.
  const courseTests = globSync('test/**/*.test.ts', { cwd: run.repairCopy }).sort();
  const behaviour: RunOptions = {
    root: run.repairCopy, env: run.env, timeoutMs: run.timeoutMs, ...(run.maxWorkers ? { maxWorkers: run.maxWorkers } : {}),
    ...(courseTests.length > 0 ? { files: courseTests } : {}),
  };
  const { outcome, legs } = await runWithLegs(run, behaviour);
  return { behaviour: outcome, ...legsFrom(legs) };
}

/** A leg as laid out and run: its outcome, or why it could not run, or that it was not checked here. */
type LegRun = { leg: Leg; outcome: RunOutcome } | { leg: Leg; problem: string } | { leg: Leg; skipped: string };

/** Lays out the legs' copies and runs them after the course tests, all together. */
async function runWithLegs(run: ClinicLegRun, behaviour: RunOptions): Promise<{ outcome: RunOutcome; legs: LegRun[] }> {
  const reproduction = reproductionOf(run);
  const unusable = await whyUnusable(reproduction);
  if (unusable) {
    const [outcome] = (await runTogetherTraced([behaviour], run)).outcomes;
    return { outcome: outcome!, legs: legOrder.map((leg) => ({ leg, problem: unusable })) };
  }
  // Each leg's copy, or why it cannot be had (a string), or that it is not checked here.
  const copies: [Leg, { root: string } | string | { skipped: string }][] = [
    ['fails-on-shipped-mistake', await layOutShipped(run, `${run.repairCopy}.shipped`)],
    ['passes-on-your-repair', { root: run.repairCopy }],
    ['passes-on-course-repair', await courseRepairCopy(run)],
  ];
  const runnable = copies.filter((entry): entry is [Leg, { root: string }] => typeof entry[1] === 'object' && 'root' in entry[1]);
  for (const [, copy] of runnable) await placeReproduction(copy.root, reproduction);
  const [outcome, ...legOutcomes] = (await runTogetherTraced(
    [behaviour, ...runnable.map(([, copy]) => ({
      root: copy.root, env: run.env, timeoutMs: run.timeoutMs, files: [reproductionTestFile], noShrink: true,
      ...(run.maxWorkers ? { maxWorkers: run.maxWorkers } : {}),
    }))],
    run,
  )).outcomes;
  const byLeg = new Map(runnable.map(([leg], index) => [leg, legOutcomes[index]!]));
  const legs = copies.map(([leg, copy]): LegRun =>
    typeof copy === 'string' ? { leg, problem: copy } : 'skipped' in copy ? { leg, skipped: copy.skipped } : { leg, outcome: byLeg.get(leg)! });
  return { outcome: outcome!, legs };
}

/** COURSE_BATCH_TRACE=1 says when a clinic item's runs could not share their process, and why. */
async function runTogetherTraced(runs: RunOptions[], run: ClinicLegRun) {
  const result = await runIsolatedTogether(runs, run);
  if (result.fallback && process.env.COURSE_BATCH_TRACE === '1') {
    process.stderr.write(`[clinic ${run.exercise.meta.id}] ran its copies one by one: ${result.fallback}\n`);
  }
  return result;
}

function legsFrom(runs: LegRun[]): ClinicLegs {
  let provenTestName: string | undefined;
  const legs = runs.map((legRun): LegOutcome => {
    if ('skipped' in legRun) return { leg: legRun.leg, ok: true, skipped: true, detail: legRun.skipped };
    if ('problem' in legRun) return { leg: legRun.leg, ok: false, detail: legRun.problem };
    const judged = judgeLeg(legRun.leg, legRun.outcome);
    if (legRun.leg === 'fails-on-shipped-mistake') provenTestName = legRun.outcome.tests.find((test) => test.status === 'failed')?.name;
    return legRun.leg === 'passes-on-course-repair' ? withoutCourseCode(judged, legRun.outcome) : judged;
  });
  return { legs, ...(provenTestName ? { provenTestName } : {}) };
}

function reproductionOf(run: ClinicLegRun): string {
  return run.target === 'learner'
    ? join(run.learnerRoot, 'exercises', run.exercise.path, reproductionTestFile)
    : join(run.exercise.solutionFolder!, reproductionTestFile);
}

/** The course's repair laid over the mistake as shipped (it holds only the files it changes). */
async function courseRepairCopy(run: ClinicLegRun): Promise<{ root: string } | string | { skipped: string }> {
  const solution = run.exercise.solutionFolder;
  if (solution === undefined || !existsSync(join(solution, 'src'))) {
    return { skipped: "not checked here: this checkout has no course solutions (your instructor's grade checks it)" };
  }
  const base = await layOutShipped(run, `${run.repairCopy}.course`);
  if (typeof base === 'string') return base;
  await cp(join(solution, 'src'), join(base.root, 'src'), { recursive: true });
  return base;
}

/**
 * The learner's test ran beside the course's repair: its names and messages could carry that
 * code into a report the learner reads, so a failing leg says only what to do.
 */
function withoutCourseCode(leg: LegOutcome, outcome: RunOutcome): LegOutcome {
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

/** Puts the learner's reproduction into a laid-out copy, where its leg runs that file alone. */
async function placeReproduction(copyRoot: string, reproduction: string): Promise<void> {
  const target = join(copyRoot, reproductionTestFile);
  await mkdir(dirname(target), { recursive: true });
  await copyFile(reproduction, target);
}
