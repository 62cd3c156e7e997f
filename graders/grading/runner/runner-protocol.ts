/** What runner-pool.ts asks runner-worker.ts: one copy's Vitest run. */
export interface RunnerRequest {
  id: number;
  root: string;
  config: string;
  /** The whole environment of the run, as runVitest would give its child process. */
  env: Record<string, string>;
  reportFile: string;
  files?: string[];
  bail?: boolean;
  testNamePattern?: string;
}

/** The runner's answer: the exit code a process of its own would have ended with, or why it could not run. `id` -1 says the runner is ready. */
export interface RunnerReply {
  id: number;
  code?: number;
  error?: string;
}
