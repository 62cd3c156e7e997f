import { existsSync, readdirSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { createVitest, type Reporter } from 'vitest/node';
import { repoRoot } from '../../grading/runner/repo-paths.ts';
import { attemptRecorder } from './attempt-recorder.ts';
import type { RunResult } from './green-tracker.ts';
import type { Started } from './practice-commands.ts';
import type { PracticeContext } from './practice-context.ts';
import { type FinishedAttempt, readLog } from './practice-log.ts';

const variantConfig = join(repoRoot, 'graders', 'testkit', 'vitest', 'variant-run.config.ts');

export interface WatchSession {
  /** Settles when the attempt ends: its tests went green, or it was stopped elsewhere. */
  ended: Promise<FinishedAttempt>;
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Called after every run, before the run is judged (tests use it to act between runs). */
  onRun?(run: RunResult): void;
  /** Vitest's own terminal output; off in tests. */
  showOutput?: boolean;
}

/**
 * Runs the attempt's tests in Vitest's watch mode, over the kata folder itself (the learner
 * edits it while the clock runs). The attempt's end is read from the practice log only:
 * the reporter logs a pass, `npm run kata -- stop` logs a stop, and a watcher on the log
 * folder notices either.
 */
export async function watchAttempt(ctx: PracticeContext, started: Started, options: WatchOptions = {}): Promise<WatchSession> {
  const { attempt, kata, variant } = started;
  const testFilters = variant.tests?.map((file) => `test/${file}`);
  const recorder = attemptRecorder(ctx, attempt, testFilters?.length ?? countTests(join(kata.folder, 'test')));

  let settle!: (finished: FinishedAttempt) => void;
  const ended = new Promise<FinishedAttempt>((resolve) => (settle = resolve));
  const checkEnded = async () => {
    const log = await readLog(ctx.stateDir).catch(() => undefined);
    const finished = log?.attempts.find((entry) => entry.id === attempt.id);
    if (finished) settle(finished);
  };

  const reporter: Reporter = {
    async onTestRunEnd(modules, unhandledErrors) {
      const run: RunResult = {
        files: modules.map((module) => ({ file: module.moduleId, state: module.state() })),
        unhandledErrors: unhandledErrors.length,
      };
      options.onRun?.(run);
      if (await recorder.observe(run)) await checkEnded();
    },
  };

  // The kata's metadata says which services its tests need; the global setup reads this.
  const previousNeeds = process.env.COURSE_NEEDS;
  process.env.COURSE_NEEDS = kata.meta.services.join(',');
  const logWatcher = watch(ctx.stateDir, () => void checkEnded());
  const vitest = await createVitest({
    config: variantConfig,
    root: kata.folder,
    watch: true,
    reporters: options.showOutput === false ? [reporter] : ['default', reporter],
  });
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      logWatcher.close();
      await vitest.close();
      if (previousNeeds === undefined) delete process.env.COURSE_NEEDS;
      else process.env.COURSE_NEEDS = previousNeeds;
    })());
  await vitest.start(testFilters);
  return { ended, close };
}

function countTests(folder: string): number {
  if (!existsSync(folder)) return 0;
  return readdirSync(folder).reduce((count, name) => {
    const path = join(folder, name);
    return count + (statSync(path).isDirectory() ? countTests(path) : name.endsWith('.test.ts') ? 1 : 0);
  }, 0);
}
