import type fc from 'fast-check';

/**
 * fast-check settings for the chaos properties. To replay a failure, copy the seed and path
 * from its report: `KATA_SEED=-123 KATA_PATH=4:1:0 npm run watch -- 03-checkout-saga`.
 */
export function chaosRuns(defaultRuns = 100): fc.Parameters<unknown> {
  // KATA_RUNS=2000 searches harder, e.g. before calling a version done.
  const numRuns = Number(process.env.KATA_RUNS ?? defaultRuns);
  const seed = process.env.KATA_SEED;
  const path = process.env.KATA_PATH;
  return seed === undefined ? { numRuns } : { numRuns, seed: Number(seed), ...(path !== undefined && { path }) };
}
