import { GreenTracker, type RunResult } from './green-tracker.ts';
import { recordPass } from './practice-commands.ts';
import type { PracticeContext } from './practice-context.ts';
import type { FinishedAttempt, StartedAttempt } from './practice-log.ts';

/**
 * Turns a watch session's runs into the attempt's end: the first time every watched test
 * passes, the attempt is logged as passed, with the time it took on the context's clock.
 */
export function attemptRecorder(ctx: PracticeContext, attempt: StartedAttempt, watchedFiles: number) {
  const tracker = new GreenTracker(watchedFiles);
  return {
    /** The finished attempt when this run made it pass; undefined otherwise. */
    async observe(run: RunResult): Promise<FinishedAttempt | undefined> {
      return tracker.observe(run) ? recordPass(ctx, attempt.id) : undefined;
    },
  };
}
