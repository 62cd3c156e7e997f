import { join } from 'node:path';
import { repoRoot, scratchDir } from '../../grading/runner/repo-paths.ts';

/** What every practice command runs against; tests pass temporary folders and a fake clock. */
export interface PracticeContext {
  /** The checkout: exercises/ (and, in the course repository, solutions/) live here. */
  root: string;
  /** Practice state: the log and the saved work. */
  stateDir: string;
  /** Milliseconds since the epoch; the only clock practice mode reads. */
  now(): number;
  env: NodeJS.ProcessEnv;
}

export const defaultContext = (): PracticeContext => ({
  root: repoRoot,
  stateDir: join(scratchDir, 'practice'),
  now: () => Date.now(),
  env: process.env,
});
