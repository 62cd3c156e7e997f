import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runInGroup } from './process-group.ts';
import { repoRoot } from './repo-paths.ts';
import type { VitestJsonReport } from './vitest-report.ts';
import { sandboxVariable } from '../../testkit/vitest/sandbox-flags.ts';
import { everyoneCanReach } from '../../services/postgres/reachable-binaries.ts';
import { handOver, parseRunAs, runAsVariable } from './learner-user.ts';

export type TestStatus = 'passed' | 'failed' | 'skipped';

export interface TestOutcome {
  /** Test file, relative to the exercise folder (`test/factory.test.ts`). */
  file: string;
  /** Describe blocks and test title joined with " › ". */
  name: string;
  status: TestStatus;
  /** First line that explains a failure; the full text is in `details`. */
  message?: string;
  details?: string;
  durationMs: number;
}

export interface RunOutcome {
  tests: TestOutcome[];
  /** Test files that could not even load (import, syntax or set-up error), with the error. */
  brokenFiles: { file: string; error: string }[];
  /** Why the run produced no trustworthy result, when it did not. */
  abort?: { reason: 'timeout' | 'crash' | 'unhandled-error'; detail: string };
  durationMs: number;
}

export interface RunOptions {
  /** Root of the copied exercise to run. */
  root: string;
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  /** Test files to run (relative to root), all when absent. */
  files?: string[];
  /** Stop at the first failing test: enough for a run that only has to fail (a mutant). */
  bail?: boolean;
  /** Skip shrinking failed properties: the self-check needs the failure, not the smallest case. */
  noShrink?: boolean;
  /** Run only the tests whose full name matches (Vitest's -t): a mutant's Caught-by test. */
  testNamePattern?: string;
  /**
   * The copy must pass (a reference, a repair): when it fails in a shared batch, the batch's
   * other verdicts are not trusted either (see run-vitest-batch.ts).
   */
  mustPass?: boolean;
  /**
   * Test files run at once (Vitest's default on two cores is one). The grader raises it when it
   * grades fewer exercises than it could run at once: one exercise alone gets every slot.
   */
  maxWorkers?: number;
}

const vitestEntry = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
export const variantConfig = join(repoRoot, 'graders', 'testkit', 'vitest', 'variant-run.config.ts');

/**
 * Runs Vitest on one copied exercise in a child process of its own, in its own process
 * group, so that learner code that hangs, loops or exits takes down only its own run: the
 * group is killed at the deadline and the exercise is reported, not the grader.
 */
export async function runVitest(options: RunOptions): Promise<RunOutcome> {
  // Outside the copy, where the sandboxed test workers cannot write: only Vitest's own
  // process (the reporter) puts the report there.
  const reportDir = await mkdtemp(join(tmpdir(), 'course-report-'));
  const reportFile = join(reportDir, 'vitest-report.json');
  const { [runAsVariable]: runAs, ...env } = options.env;
  const user = parseRunAs(runAs);
  if (user) {
    if (!everyoneCanReach(join(options.root, 'test'))) {
      await rm(reportDir, { recursive: true, force: true });
      return { tests: [], brokenFiles: [], durationMs: 0, abort: { reason: 'crash', detail: `the copy ${options.root} sits in a private folder, where the unprivileged learner user cannot reach it` } };
    }
    await handOver(user, [options.root, reportDir]);
  }
  const args = [
    vitestEntry, 'run', '--config', variantConfig, '--root', options.root,
    // Vite's default loader writes the bundled config beside the course's packages, where the
    // learner user may not write; the runner loader reads it in place.
    ...(user ? ['--configLoader', 'runner'] : []),
    '--reporter=json', `--outputFile=${reportFile}`, ...(options.bail ? ['--bail=1'] : []),
    ...(options.maxWorkers ? [`--maxWorkers=${options.maxWorkers}`] : []),
    ...(options.testNamePattern ? ['--testNamePattern', options.testNamePattern] : []), ...(options.files ?? []),
  ];
  const { exit, timedOut, output, durationMs } = await runInGroup(args, {
    cwd: options.root,
    ...(user && { node: user.node, uid: user.uid, gid: user.gid }),
    env: {
      ...env, ...(user && { HOME: options.root }), FORCE_COLOR: '0', NO_COLOR: '1', ...(options.noShrink ? { COURSE_FAST_FAIL: '1' } : {}),
      // Sandboxed: the workers write only inside the copy, so tsx (in a relay a test starts) keeps no cache.
      [sandboxVariable]: options.root, TSX_DISABLE_CACHE: '1',
    },
    timeoutMs: options.timeoutMs,
  });
  const report = existsSync(reportFile)
    ? (JSON.parse(await readFile(reportFile, 'utf8')) as VitestJsonReport)
    : undefined;
  await rm(reportDir, { recursive: true, force: true });
  if (!report) return { tests: [], brokenFiles: [], abort: noReportVerdict(exit, timedOut, options.timeoutMs, output), durationMs };
  const outcome = readReport(report, options.root, durationMs);
  outcome.abort = exitVerdict(exit, timedOut, options.timeoutMs, outcome, report.success, output);
  if (!outcome.abort) delete outcome.abort;
  return outcome;
}

/** Why a run that wrote no report is not trusted: it was killed at its deadline, or it crashed. */
export function noReportVerdict(
  exit: { code: number | null; signal: NodeJS.Signals | null },
  timedOut: boolean,
  timeoutMs: number,
  output: string,
): NonNullable<RunOutcome['abort']> {
  const reason = timedOut ? 'timeout' : 'crash';
  const detail = timedOut
    ? `did not finish within ${Math.round(timeoutMs / 1000)} s (an endless loop, or something that never settles)`
    : ranOutOfMemory(output)
      ? outOfMemory
      : `the test run ended (${exit.signal ?? `exit code ${exit.code}`}) without a report:\n${lastLines(output, 15)}`;
  return { reason, detail };
}

/**
 * The exit code is the run's verdict, whatever its report says: Vitest exits 0 only when
 * every test passed and 1 when any failed. A run ended by a signal (a deadline kill, a
 * process that killed itself after writing a report) or by any other code is a crash, and a
 * run whose code and report disagree is not trusted for a pass.
 */
export function exitVerdict(
  exit: { code: number | null; signal: NodeJS.Signals | null },
  timedOut: boolean,
  timeoutMs: number,
  outcome: RunOutcome,
  reportSuccess: boolean,
  output: string,
): RunOutcome['abort'] {
  if (timedOut) return { reason: 'timeout', detail: `did not finish within ${Math.round(timeoutMs / 1000)} s (an endless loop, or something that never settles)` };
  if (exit.signal || (exit.code !== 0 && exit.code !== 1)) {
    return { reason: 'crash', detail: `the test run ended by ${exit.signal ?? `exit code ${exit.code}`}, not by finishing its tests:\n${lastLines(output, 15)}` };
  }
  const failedTests = outcome.brokenFiles.length > 0 || outcome.tests.some((t) => t.status === 'failed');
  // An exit 0 beside a report of failures is believed for its failures: they can only lower a
  // score, and a dependency's exit hook can turn Vitest's 1 into 0 (async-exit-hook does).
  if (exit.code === 0 && !failedTests && !reportSuccess) {
    return { reason: 'crash', detail: 'the test run exited 0 although its report says it failed: something other than Vitest ended the run or wrote the report' };
  }
  if (ranOutOfMemory(output)) return { reason: 'crash', detail: outOfMemory };
  // Vitest's report can say success while the run failed on an unhandled rejection; the code says so.
  if (exit.code === 1 && !failedTests) {
    return { reason: 'unhandled-error', detail: `an error escaped the tests (an unhandled rejection or a late throw):\n${lastLines(output, 15)}` };
  }
  return undefined;
}

export function readReport(report: VitestJsonReport, root: string, durationMs: number): RunOutcome {
  const tests: TestOutcome[] = [];
  const brokenFiles: RunOutcome['brokenFiles'] = [];
  for (const file of report.testResults) {
    const path = relative(root, file.name);
    if (file.status === 'failed' && file.message && file.assertionResults.length === 0) {
      brokenFiles.push({ file: path, error: capped(file.message)! });
    }
    for (const test of file.assertionResults) {
      const failure = capped(test.failureMessages?.join('\n'));
      tests.push({
        file: path,
        name: [...test.ancestorTitles, test.title].join(' › '),
        status: test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped',
        ...(failure ? { message: firstLine(failure), details: failure } : {}),
        durationMs: test.duration ?? 0,
      });
    }
  }
  return { tests, brokenFiles, durationMs };
}

const outOfMemory =
  'the code under test ran out of memory: a test worker reached its heap limit. Look for a loop or a cache ' +
  'that keeps everything it allocates (an array or map that only grows).';

/** V8's last words when a heap limit is reached; its stack of addresses means nothing to a learner. */
function ranOutOfMemory(output: string): boolean {
  return /JavaScript heap out of memory|Reached heap limit/.test(output);
}

/** Longest failure text kept: a learner's error can be megabytes long, results and reports stay small. */
export const failureTextLimit = 8_000;

function capped(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= failureTextLimit) return text;
  return `${text.slice(0, failureTextLimit)}… (${text.length - failureTextLimit} more characters cut)`;
}

export function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim().length > 0)?.trim() ?? '';
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
