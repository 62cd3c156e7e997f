import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxVariable } from '../../testkit/vitest/sandbox-flags.ts';
import { runAsVariable } from './learner-user.ts';
import { repoRoot } from './repo-paths.ts';
import type { RunnerReply, RunnerRequest } from './runner-protocol.ts';
import { exitVerdict, noReportVerdict, readReport, type RunOptions, type RunOutcome, runVitest, variantConfig } from './run-vitest.ts';
import type { VitestJsonReport } from './vitest-report.ts';

/**
 * Runs one runner makes before it is replaced: each run's Vite server and module graph should
 * be freed by close(), but whatever a copy leaves in the process (an exit hook, a timer, a
 * module cache) would otherwise pile up over hundreds of runs. One import per 100 runs is cheap.
 */
const runsPerRunner = 100;
const workerFile = join(repoRoot, 'graders', 'grading', 'runner', 'runner-worker.ts');
type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** One long-lived runner process, in a process group of its own so a kill takes everything it started. */
class LongRunner {
  private readonly child: ChildProcess;
  private output = '';
  private readonly replies = new Map<number, (reply: RunnerReply) => void>();
  private nextId = 0;
  readonly ready: Promise<void>;
  readonly exited: Promise<Exit>;
  alive = true;
  runs = 0;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [workerFile], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const keep = (chunk: Buffer) => void (this.output = (this.output + chunk.toString()).slice(-20_000));
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.ready = new Promise((resolve) => this.replies.set(-1, () => resolve()));
    this.child.on('message', (reply: RunnerReply) => this.replies.get(reply.id)?.(reply));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => {
      this.alive = false;
      resolve({ code, signal });
    }));
  }

  /** Runs one copy; a deadline or a crash ends this runner, and the outcome says which, as the child path does. */
  async run(options: RunOptions): Promise<RunOutcome> {
    const reportDir = await mkdtemp(join(tmpdir(), 'course-report-'));
    const reportFile = join(reportDir, 'vitest-report.json');
    const started = performance.now();
    this.runs += 1;
    try {
      const id = this.nextId++;
      const answered = new Promise<RunnerReply>((resolve) => this.replies.set(id, resolve));
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs)));
      // The runner's boot counts against the first run's deadline, as a child's boot does.
      const booted = await Promise.race([this.ready.then(() => 'ready' as const), this.exited, deadline]);
      let ended: RunnerReply | Exit | 'timeout' = booted === 'ready' ? 'timeout' : booted;
      if (booted === 'ready') {
        this.output = '';
        this.child.send(request(id, options, reportFile));
        ended = await Promise.race([answered, this.exited, deadline]);
      }
      clearTimeout(timer);
      this.replies.delete(id);
      const timedOut = ended === 'timeout';
      const reply = typeof ended === 'object' && 'id' in ended ? ended : undefined;
      if (!reply || reply.error) this.kill();
      const exit: Exit = timedOut ? { code: null, signal: 'SIGKILL' }
        : reply ? { code: reply.error ? 1 : reply.code ?? 1, signal: null }
          : ended as Exit;
      const output = reply?.error ? `${this.output}\n${reply.error}` : this.output;
      const durationMs = performance.now() - started;
      if (!existsSync(reportFile)) return { tests: [], brokenFiles: [], abort: noReportVerdict(exit, timedOut, options.timeoutMs, output), durationMs };
      const report = JSON.parse(await readFile(reportFile, 'utf8')) as VitestJsonReport;
      const outcome = readReport(report, options.root, durationMs);
      const abort = exitVerdict(exit, timedOut, options.timeoutMs, outcome, report.success, output);
      return abort ? { ...outcome, abort } : outcome;
    } finally {
      await rm(reportDir, { recursive: true, force: true });
    }
  }

  kill(): void {
    this.alive = false;
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
  }
}

/** The environment runVitest gives a copy's process, here for one run inside the runner. */
function request(id: number, options: RunOptions, reportFile: string): RunnerRequest {
  const env = Object.fromEntries(Object.entries({
    ...options.env, FORCE_COLOR: '0', NO_COLOR: '1', ...(options.noShrink ? { COURSE_FAST_FAIL: '1' } : {}),
    [sandboxVariable]: options.root, TSX_DISABLE_CACHE: '1',
  }).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return {
    id, root: options.root, config: variantConfig, env, reportFile,
    ...(options.files ? { files: options.files } : {}),
    ...(options.bail ? { bail: true } : {}),
    ...(options.testNamePattern ? { testNamePattern: options.testNamePattern } : {}),
  };
}

/**
 * Long-lived runners for the self-check's own copies (references, starters, alternates,
 * mutants): Vitest is imported once per runner instead of once per copy. As many runners
 * as runs at once (the self-check makes two); one that timed out or crashed is dropped and
 * the next run gets a fresh one. A copy to be run as the learner user (a learner's code)
 * always gets a process of its own through runVitest.
 */
export class RunnerPool {
  private readonly idle: LongRunner[] = [];
  private readonly all = new Set<LongRunner>();
  private readonly env: NodeJS.ProcessEnv;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.env = env;
  }

  readonly run = async (runs: RunOptions[]): Promise<RunOutcome[]> => {
    const outcomes: RunOutcome[] = [];
    for (const options of runs) outcomes.push(await this.runOne(options));
    return outcomes;
  };

  private async runOne(options: RunOptions): Promise<RunOutcome> {
    if (options.env[runAsVariable]) return runVitest(options);
    const runner = this.idle.pop() ?? this.start();
    try {
      return await runner.run(options);
    } finally {
      if (runner.alive && runner.runs >= runsPerRunner) runner.kill();
      if (runner.alive) this.idle.push(runner);
      else this.all.delete(runner);
    }
  }

  private start(): LongRunner {
    const runner = new LongRunner({ ...this.env, FORCE_COLOR: '0', NO_COLOR: '1' });
    this.all.add(runner);
    return runner;
  }

  /** Ends every runner (and whatever they started). */
  close(): void {
    for (const runner of this.all) runner.kill();
    this.all.clear();
    this.idle.length = 0;
  }
}
