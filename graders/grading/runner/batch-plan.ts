/** What the self-check and the grader hand batch-worker.ts: the copies to run in one Vitest process. */
export interface BatchPlan {
  runs: BatchRun[];
  /** Where the worker writes `<index>.json` per copy and `batch.json`. */
  reportDir: string;
  maxWorkers: number;
  /**
   * Each copy in a project of its own and each test file in a fresh fork, as runVitest runs
   * it: only Vitest's main process is shared (a learner's clinic runs, see clinic-legs.ts).
   * Without it, every copy's files share one reused fork (the self-check's copies).
   */
  isolated?: boolean;
}

export interface BatchRun {
  root: string;
  /** The copy's own variables (its seed), on top of the process's. */
  env: Record<string, string>;
  files?: string[];
  testNamePattern?: string;
  noShrink?: boolean;
}

/** What the worker says about the whole process, besides the per-copy reports. */
export interface BatchSummary {
  /** Errors Vitest could not pin on a test: the batch's copies are then run one by one. */
  unhandledErrors: string[];
  /** Where the time went, in ms: Node's start, importing Vitest, making the projects, the run, and the modules' own split. */
  timings: {
    bootMs: number;
    importMs: number;
    createMs: number;
    runMs: number;
    closeMs: number;
    modules: number;
    environmentMs: number;
    prepareMs: number;
    setupMs: number;
    collectMs: number;
    testsMs: number;
  };
}
