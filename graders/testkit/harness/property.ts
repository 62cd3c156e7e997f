import fc from 'fast-check';
import { AssertionError } from 'node:assert';

/** `COURSE_REPLAY=<seed>:<path>` replays one failing case exactly, as the failure says. */
export const replayVariable = 'COURSE_REPLAY';
/** `COURSE_RUNS=2000` searches harder than a property's own number of runs, e.g. before calling work done. */
export const runsVariable = 'COURSE_RUNS';
/**
 * `COURSE_SEED=<integer>` fixes the seed of every property in a run (fast-check draws a
 * fresh one per property otherwise). The self-check sets it so that each run names its
 * seed and a kill that depends on the seed can be replayed.
 */
export const seedVariable = 'COURSE_SEED';

/** The seed `COURSE_SEED` asks for, or undefined; a value that is not a 32-bit integer is refused. */
export function courseSeed(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env[seedVariable]?.trim();
  if (!value) return undefined;
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 32) {
    throw new Error(`${seedVariable}=${value} is not a 32-bit whole number; copy the seed the self-check printed, e.g. ${seedVariable}=1234`);
  }
  return seed;
}

function runsOverride(): { numRuns: number } | undefined {
  const value = process.env[runsVariable];
  if (!value) return undefined;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`${runsVariable}=${value} is not a whole number of runs, e.g. ${runsVariable}=2000`);
  return { numRuns: runs };
}

function replayParameters(): { seed: number; path: string } | undefined {
  const value = process.env[replayVariable];
  if (!value) return undefined;
  const match = /^(-?\d+):([\d:]+)$/.exec(value.trim());
  if (!match) {
    throw new Error(`${replayVariable}=${value} is not <seed>:<path>; copy it from a failure message, e.g. ${replayVariable}=1234:5:0`);
  }
  return { seed: Number(match[1]), path: match[2]! };
}

/**
 * Checks a fast-check property and, when it fails, reports like a bug report: the failing
 * case's own message (a timeline in domain words, when the property throws one), then how
 * to replay exactly that case. Never retried: a case that fails once is a bug.
 */
export async function assertProperty<Ts>(
  property: fc.IAsyncPropertyWithHooks<Ts> | fc.IPropertyWithHooks<Ts>,
  parameters: fc.Parameters<Ts> = {},
): Promise<void> {
  const replay = replayParameters();
  const details = await fc.check(property as fc.IAsyncProperty<Ts>, { ...parameters, ...(runsOverride() ?? {}), ...(replay ?? {}) });
  if (!details.failed) return;
  const cause = details.errorInstance;
  const message = cause instanceof Error ? cause.message : String(cause ?? 'the property returned false');
  const summary = details.interrupted
    ? 'the run was interrupted'
    : `failed after ${details.numRuns} generated case(s), shrunk ${details.numShrinks} time(s)`;
  throw new AssertionError({
    message:
      `${message}\n\nProperty ${summary}.\n` +
      `Replay exactly this case: ${replayVariable}=${details.seed}:${details.counterexamplePath ?? ''} ` +
      'with the same test command (or seed and path in fast-check\'s parameters).',
  });
}
