import { parseArgs } from 'node:util';

export interface SelfcheckOptions {
  /** Exercise names to run three ways; all when empty. */
  filters: string[];
  /** How many seeds each mutant runs under. */
  seedCount: number;
  /** Seeds named with --seed (a replay): used instead of chosen ones. */
  seeds: number[];
  /** Reuse recorded passes whose inputs are unchanged (never in CI, never with --no-cache). */
  cache: boolean;
  /**
   * Run an exercise's copies in one Vitest process and one reused test worker (the default);
   * --alone runs each copy in a process of its own, as a learner's grade does.
   */
  batch: boolean;
  ci: boolean;
}

const usage =
  'Usage: npm test -- [exercise ...] [--seeds N] [--seed S ...] [--no-cache] [--alone]\n' +
  '  --seeds N    run every mutant under N seeds (default 3 in CI, 1 otherwise)\n' +
  '  --seed S     run under seed S (repeat for several), e.g. to replay a seed the self-check printed\n' +
  '  --no-cache   run everything, even runs whose inputs are unchanged since they last passed\n' +
  '  --alone      run each copy in a Vitest process of its own (as npm run grade does), not in its exercise\'s shared worker';

/** `CI=true` (as GitHub Actions and most CI engines set it) means a CI run. */
export const isCi = (env: NodeJS.ProcessEnv) => env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());

/** Reads `npm test -- ...`'s arguments; a wrong one throws with the usage. */
export function selfcheckOptions(args: string[], env: NodeJS.ProcessEnv = process.env): SelfcheckOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { seeds: { type: 'string' }, seed: { type: 'string', multiple: true }, 'no-cache': { type: 'boolean' }, alone: { type: 'boolean' } },
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${usage}`);
  }
  const { values, positionals } = parsed;
  const ci = isCi(env);
  const whole = (text: string, what: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new Error(`${what} ${text} is not a whole number${min > 0 ? ` of at least ${min}` : ''}.\n${usage}`);
    return n;
  };
  const seeds = (values.seed ?? []).map((seed) => whole(seed, '--seed', -(2 ** 31)));
  const seedCount = seeds.length > 0 ? seeds.length : values.seeds !== undefined ? whole(values.seeds, '--seeds', 1) : ci ? 3 : 1;
  return { filters: positionals, seedCount, seeds, cache: !ci && values['no-cache'] !== true, batch: values.alone !== true, ci };
}
