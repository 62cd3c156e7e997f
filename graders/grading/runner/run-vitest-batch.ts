import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchPlan, BatchRun, BatchSummary } from './batch-plan.ts';
import { runInGroup } from './process-group.ts';
import { repoRoot } from './repo-paths.ts';
import { exitVerdict, readReport, type RunOptions, type RunOutcome, runVitest } from './run-vitest.ts';
import type { VitestJsonReport } from './vitest-report.ts';
import { everyoneCanReach } from '../../services/postgres/reachable-binaries.ts';
import { handOver, type LearnerUser, parseRunAs, runAsVariable } from './learner-user.ts';

const worker = join(repoRoot, 'graders', 'grading', 'runner', 'batch-worker.ts');

export interface BatchResult {
  outcomes: RunOutcome[];
  /** How many of the runs were answered by the one shared process. */
  batched: number;
  /** Why the batch's copies were run one by one instead, when they were. */
  fallback?: string;
  timings?: BatchSummary['timings'];
}

/**
 * Runs many laid-out copies of the course's own code (references, starters, mutants) in one
 * Vitest process and one reused test worker (see batch-worker.ts): Node, Vitest, the worker
 * and the packages are paid once instead of once per copy. The outcome of each copy is what
 * runVitest would have said: the same report, judged by the same exit rule. Whatever the
 * batch cannot pin on one copy (the process crashed or timed out, an error escaped every
 * test, a report is missing) makes it run every copy alone with runVitest, so a crash, hang
 * or stray error is still reported against the copy that caused it.
 *
 * Copies that share a worker could disturb each other (a mutant that leaves a connection or
 * a timer behind). The runs that must pass (`mustPass`: references, repairs) go last, after
 * every mutant, as the batch's canary: when one of them fails, nothing the batch said is
 * trusted and every copy runs alone, so a mutant is never counted as caught by a worker a
 * previous copy spoiled without the canary seeing it. A run that must stop at its first failure
 * (`bail`) runs alone too: Vitest's bail stops a whole process. Never pass a learner's copy
 * here: learner code does not share a worker with anything else (runIsolatedTogether below
 * shares only Vitest's start).
 */
export async function runVitestBatch(
  runs: RunOptions[],
  options: { env: NodeJS.ProcessEnv; timeoutMs: number; maxWorkers?: number },
): Promise<BatchResult> {
  const alone = (run: RunOptions) => run.bail === true || !hasTests(run.root);
  const together = runs.filter((run) => !alone(run));
  const outcomes = new Map<RunOptions, RunOutcome>();
  let fallback: string | undefined;
  let timings: BatchSummary['timings'] | undefined;
  let batched = 0;
  if (together.length >= 2) {
    const { distinct, clones } = await ownRoots(together);
    try {
      // The canaries last; the sort is stable, so the rest keep the order they were asked in.
      const order = [...together.keys()].sort((a, b) => Number(together[a]!.mustPass === true) - Number(together[b]!.mustPass === true));
      const batch = await runTogether(order.map((index) => distinct[index]!), options);
      timings = batch.timings;
      if (batch.outcomes) {
        batch.outcomes.forEach((outcome, position) => outcomes.set(together[order[position]!]!, outcome));
        batched = together.length;
      } else fallback = batch.problem;
    } finally {
      await Promise.all(clones.map((clone) => rm(clone, { recursive: true, force: true })));
    }
  }
  // The rest, and the whole batch when it could not be trusted, one process per copy as before.
  for (const run of runs) if (!outcomes.has(run)) outcomes.set(run, await runVitest(run));
  return {
    outcomes: runs.map((run) => outcomes.get(run)!),
    batched,
    ...(fallback ? { fallback } : {}),
    ...(timings ? { timings } : {}),
  };
}

/**
 * Vitest knows a test file by its path, so one process cannot run the same copy twice (a
 * mutant under three seeds): the second and later runs of a copy get a clone of it beside it
 * (`<copy>~2`), so every seed runs in the same process and before the same canaries. A
 * report's paths are relative to the copy, so a clone's outcome reads as the copy's.
 */
async function ownRoots(runs: RunOptions[]): Promise<{ distinct: RunOptions[]; clones: string[] }> {
  const seen = new Map<string, number>();
  const clones: string[] = [];
  const distinct = await Promise.all(runs.map(async (run) => {
    const count = (seen.get(run.root) ?? 0) + 1;
    seen.set(run.root, count);
    if (count === 1) return run;
    const clone = `${run.root}~${count}`;
    clones.push(clone);
    await rm(clone, { recursive: true, force: true });
    await cp(run.root, clone, { recursive: true });
    return { ...run, root: clone };
  }));
  return { distinct, clones };
}

/**
 * Runs several copies of one learner's exercise (a clinic item's course tests and its
 * reproduction on each leg) in one Vitest process, where each copy keeps a project of its own
 * and each test file a fresh fork with its copy's sandbox, as runVitest would run it: only
 * Vitest's start is shared, so no copy can disturb another and no canary is needed. The
 * process runs as the learner user when the grader has one. Anything the process cannot pin
 * on one copy (a timeout, a crash, an escaped error, a missing report) runs every copy alone
 * with runVitest, so the verdict and its words are exactly what separate runs would give.
 */
export async function runIsolatedTogether(runs: RunOptions[], options: { env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<BatchResult> {
  const user = parseRunAs(options.env[runAsVariable]);
  const env = withoutRunAs(options.env);
  let fallback: string | undefined;
  if (runs.length >= 2) {
    fallback = runs.find((run) => run.bail || !hasTests(run.root))?.root;
    if (fallback) fallback = `${fallback} has no test to run together`;
    else if (user && !runs.every((run) => everyoneCanReach(join(run.root, 'test')))) fallback = 'a copy sits where the learner user cannot reach it';
    else {
      // A copy that would time out alone trips the shared deadline, and then runs alone under its own.
      const batch = await runTogether(
        runs.map((run) => ({ ...run, env: { ...withoutRunAs(run.env), ...(user && { HOME: run.root }) } })),
        {
          env, timeoutMs: options.timeoutMs * Math.ceil(runs.length / 2), isolated: true, ...(user && { user }),
          maxWorkers: Math.max(1, ...runs.map((run) => run.maxWorkers ?? 1)),
        },
      );
      if (batch.outcomes) return { outcomes: batch.outcomes, batched: runs.length, ...(batch.timings ? { timings: batch.timings } : {}) };
      fallback = batch.problem;
    }
  }
  const outcomes: RunOutcome[] = [];
  for (const run of runs) outcomes.push(await runVitest(run));
  return { outcomes, batched: 0, ...(fallback ? { fallback } : {}) };
}

function withoutRunAs(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { [runAsVariable]: _, ...rest } = env;
  return rest;
}

function hasTests(root: string): boolean {
  const tests = join(root, 'test');
  return existsSync(tests) && readdirSync(tests, { recursive: true, encoding: 'utf8' }).some((file) => file.endsWith('.test.ts'));
}

async function runTogether(
  runs: RunOptions[],
  options: { env: NodeJS.ProcessEnv; timeoutMs: number; maxWorkers?: number; isolated?: boolean; user?: LearnerUser },
): Promise<{ outcomes?: RunOutcome[]; problem?: string; timings?: BatchSummary['timings'] }> {
  // Outside the copies, where the sandboxed test workers cannot write.
  const reportDir = await mkdtemp(join(tmpdir(), 'course-batch-'));
  const { user } = options;
  try {
    const plan: BatchPlan = {
      runs: runs.map((run): BatchRun => ({
        root: run.root,
        env: ownVariables(run.env, options.env),
        ...(run.files ? { files: run.files } : {}),
        ...(run.testNamePattern ? { testNamePattern: run.testNamePattern } : {}),
        ...(run.noShrink ? { noShrink: true } : {}),
      })),
      reportDir,
      maxWorkers: options.maxWorkers ?? 1,
      ...(options.isolated ? { isolated: true } : {}),
    };
    const planFile = join(reportDir, 'plan.json');
    await writeFile(planFile, JSON.stringify(plan));
    if (user) await handOver(user, [...new Set(runs.map((run) => run.root)), reportDir]);
    // A deadline against hangs that grows with the batch; a copy that never settles trips it,
    // and its batch then runs copy by copy, each under its own deadline.
    const deadline = options.timeoutMs * Math.max(1, Math.ceil(runs.length / 8));
    const ran = await runInGroup([worker, planFile], {
      cwd: repoRoot,
      ...(user && { node: user.node, uid: user.uid, gid: user.gid }),
      // Vitest writes a token under HOME at start: the learner user's is the folder handed over to it.
      env: { ...options.env, ...(user && { HOME: reportDir }), FORCE_COLOR: '0', NO_COLOR: '1' },
      timeoutMs: deadline,
    });
    if (process.env.COURSE_BATCH_TRACE === '1') process.stderr.write(ran.output);
    const summaryFile = join(reportDir, 'batch.json');
    const summary = existsSync(summaryFile) ? (JSON.parse(await readFile(summaryFile, 'utf8')) as BatchSummary) : undefined;
    if (ran.timedOut) return { problem: `the batch did not finish within ${Math.round(deadline / 1000)} s` };
    if (!summary || ran.exit.code !== 0) {
      const error = summary?.unhandledErrors[0];
      return { problem: error ? `an error escaped the tests: ${error}` : `the batch process ended (${ran.exit.signal ?? `exit code ${ran.exit.code}`}) without its summary` };
    }
    const outcomes: RunOutcome[] = [];
    for (const [index, run] of runs.entries()) {
      const file = join(reportDir, `${index}.json`);
      if (!existsSync(file)) return { problem: `no report for ${run.root}`, timings: summary.timings };
      const report = JSON.parse(await readFile(file, 'utf8')) as VitestJsonReport;
      // A copy alone would have had no test to run and exited 1 without a report: not pinned here.
      if (report.testResults.length === 0) return { problem: `no test file ran for ${run.root}`, timings: summary.timings };
      const outcome = readReport(report, run.root, ran.durationMs);
      // Judged as runVitest judges a process of its own, whose code Vitest sets from the report;
      // a copy that would be aborted is run alone, so its verdict carries its own output.
      const abort = exitVerdict({ code: report.success ? 0 : 1, signal: null }, false, run.timeoutMs, outcome, report.success, '');
      if (abort) return { problem: `${run.root}: ${abort.detail}`, timings: summary.timings };
      const failure = outcome.brokenFiles[0]?.file ?? outcome.tests.find((test) => test.status === 'failed')?.name;
      if (run.mustPass && failure !== undefined && !options.isolated) {
        return { problem: `${run.root} must pass and failed in the shared worker ("${failure}"), so no verdict of that worker is trusted`, timings: summary.timings };
      }
      outcomes.push(outcome);
    }
    return { outcomes, timings: summary.timings };
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}

/** The variables a copy sets on top of the batch's (its seed, mostly): only those go in the plan. */
function ownVariables(env: NodeJS.ProcessEnv, shared: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && shared[entry[0]] !== entry[1]));
}
