export const outcomes = ['lost', 'duplicated', 'neither'] as const;
export type Outcome = (typeof outcomes)[number];

/** How often each fact took effect, read as the predict items' three outcomes. */
export function outcomeOf(effects: readonly number[]): Outcome {
  if (effects.some((count) => count === 0)) return 'lost';
  if (effects.some((count) => count > 1)) return 'duplicated';
  return 'neither';
}
