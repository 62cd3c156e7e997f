import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Exercise } from './exercise-catalog.ts';
import { type RunOptions, type RunOutcome, runVitest } from './run-vitest.ts';

import { reproductionTestFile } from '../../testkit/vitest/sandbox-flags.ts';

// Where a clinic item's learner writes the reproduction: defined beside the sandbox, which must know it too.
export { reproductionTestFile };

/**
 * The three legs that prove a reproduction test is evidence: it fails on the mistake as
 * shipped, and passes on a repair (the learner's own, and the course's).
 */
export type Leg = 'fails-on-shipped-mistake' | 'passes-on-your-repair' | 'passes-on-course-repair';

export interface LegResult {
  leg: Leg;
  ok: boolean;
  /** What happened, in words a learner can act on. */
  detail: string;
}

export const isClinic = (exercise: Exercise) => exercise.meta.kind === 'clinic';

/** Puts a reproduction test into a laid-out copy and runs that file alone. */
export async function runReproduction(options: {
  copyRoot: string;
  reproductionTest: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** The leg is a repair, on which the reproduction must pass (see RunOptions.mustPass). */
  mustPass?: boolean;
  /** How the copy is run; a learner's reproduction always runs in a process of its own (runVitest). */
  run?: (options: RunOptions) => Promise<RunOutcome>;
}): Promise<RunOutcome> {
  const target = join(options.copyRoot, reproductionTestFile);
  await mkdir(dirname(target), { recursive: true });
  await copyFile(options.reproductionTest, target);
  return (options.run ?? runVitest)({ root: options.copyRoot, env: options.env, timeoutMs: options.timeoutMs, files: [reproductionTestFile], noShrink: true, mustPass: options.mustPass === true });
}

/** Judges one leg's run: the shipped leg must fail by a real test, the repair legs must pass. */
export function judgeLeg(leg: Leg, outcome: RunOutcome): LegResult {
  const where = leg === 'fails-on-shipped-mistake' ? 'the shipped code' : leg === 'passes-on-your-repair' ? 'your repair' : "the course's repair";
  if (outcome.abort) return { leg, ok: false, detail: `the reproduction test did not finish on ${where}: ${outcome.abort.detail}` };
  const broken = outcome.brokenFiles[0];
  if (broken) return { leg, ok: false, detail: `${reproductionTestFile} does not load: ${broken.error.split('\n')[0]}` };
  const ran = outcome.tests.filter((test) => test.status !== 'skipped');
  if (ran.length === 0) {
    return { leg, ok: false, detail: `${reproductionTestFile} has no test that runs (an it.todo or a skipped test is not a reproduction): write one.` };
  }
  const failed = ran.filter((test) => test.status === 'failed');
  if (leg === 'fails-on-shipped-mistake') {
    return failed.length > 0
      ? { leg, ok: true, detail: `fails on the shipped code: "${failed[0]!.name}": ${failed[0]!.message ?? ''}` }
      : { leg, ok: false, detail: `passes on the shipped code, so it does not reproduce the mistake: make it fail on the code as it was shipped.` };
  }
  if (failed.length === 0) return { leg, ok: true, detail: `passes on ${where}` };
  const hint = leg === 'passes-on-course-repair'
    ? ' It asks for more than the repair: test the behaviour the mistake broke, not one way of writing the fix.'
    : ' Repair src/ until it passes.';
  return { leg, ok: false, detail: `fails on ${where}: "${failed[0]!.name}": ${failed[0]!.message ?? ''}.${hint}` };
}
