import { type RunOptions, type RunOutcome, runVitest } from '../../grading/runner/run-vitest.ts';
import type { BatchSummary } from '../../grading/runner/batch-plan.ts';
import { runVitestBatch } from '../../grading/runner/run-vitest-batch.ts';

/** Runs some laid-out copies and returns their outcomes in the same order. */
export type Runner = (runs: RunOptions[]) => Promise<RunOutcome[]>;

/** One Vitest process per copy, one after another: how every run was made before batching. */
export const runAlone: Runner = async (runs) => {
  const outcomes: RunOutcome[] = [];
  for (const run of runs) outcomes.push(await runVitest(run));
  return outcomes;
};

export interface BatchReport {
  runs: number;
  batched: number;
  fallback?: string;
  /** Where the shared process's time went (for the bench). */
  timings?: BatchSummary['timings'];
}

/**
 * Gathers the runs a group of checks (one exercise's) asks for and answers them with one
 * batched Vitest process, once every check of the group has asked or has said it needs no
 * run (a cached pass, a copy that does not load). No timer decides when the batch starts, so
 * the same checks always make the same batch. A check that asks a second time is answered
 * alone: the batch has gone by then.
 */
export class RunBatch {
  private waiting = 0;
  private readonly pending: { runs: RunOptions[]; resolve: (outcomes: RunOutcome[]) => void; reject: (error: unknown) => void }[] = [];
  report: BatchReport | undefined;
  private readonly members: number;
  private readonly options: { env: NodeJS.ProcessEnv; timeoutMs: number; maxWorkers?: number };

  constructor(members: number, options: { env: NodeJS.ProcessEnv; timeoutMs: number; maxWorkers?: number }) {
    this.members = members;
    this.options = options;
    if (members === 0) this.report = { runs: 0, batched: 0 };
  }

  /** A member's runner and the call that says it is done asking; call `leave` in a finally. */
  join(): { run: Runner; leave: () => void } {
    let asked = false;
    const arrive = () => {
      if (asked) return false;
      asked = true;
      this.waiting += 1;
      return true;
    };
    return {
      run: (runs) => {
        if (!arrive()) return runAlone(runs);
        const answer = new Promise<RunOutcome[]>((resolve, reject) => this.pending.push({ runs, resolve, reject }));
        this.flushWhenComplete();
        return answer;
      },
      leave: () => {
        if (arrive()) this.flushWhenComplete();
      },
    };
  }

  private flushWhenComplete(): void {
    if (this.waiting < this.members) return;
    const pending = this.pending.splice(0);
    const runs = pending.flatMap((member) => member.runs);
    runVitestBatch(runs, this.options).then(
      (result) => {
        this.report = {
          runs: runs.length, batched: result.batched,
          ...(result.fallback ? { fallback: result.fallback } : {}), ...(result.timings ? { timings: result.timings } : {}),
        };
        let next = 0;
        for (const member of pending) {
          member.resolve(result.outcomes.slice(next, next + member.runs.length));
          next += member.runs.length;
        }
      },
      (error: unknown) => pending.forEach((member) => member.reject(error)),
    );
  }
}
