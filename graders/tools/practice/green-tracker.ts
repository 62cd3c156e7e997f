/** One test file's state at the end of a watch-mode run, as Vitest reports it. */
export interface FileResult {
  file: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending' | 'queued';
}

/** What one watch-mode run reports: the files it ran, and errors that escaped every test. */
export interface RunResult {
  files: FileResult[];
  unhandledErrors: number;
}

/**
 * Follows the runs of a watch session and says when, for the first time, every watched test
 * file has passed. A rerun covers only the files that changed, so the latest state of each
 * file is remembered between runs.
 */
export class GreenTracker {
  readonly #latest = new Map<string, FileResult['state']>();
  readonly #expected: number;
  #green = false;

  /** `expectedFiles`: how many test files the session watches. */
  constructor(expectedFiles: number) {
    this.#expected = expectedFiles;
  }

  /** True exactly once: on the run after which all watched files have passed. */
  observe(run: RunResult): boolean {
    for (const file of run.files) this.#latest.set(file.file, file.state);
    if (this.#green || run.unhandledErrors > 0) return false;
    const states = [...this.#latest.values()];
    this.#green = states.length >= this.#expected && states.length > 0 && states.every((state) => state === 'passed');
    return this.#green;
  }
}
