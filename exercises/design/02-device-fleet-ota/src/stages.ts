import type { StageSpec } from './ota.ts';

/**
 * Splits the fleet into the devices each stage adds: stage i's percent is the share of the
 * fleet reached by its end (rounded up to whole devices). See the README, section Executable core.
 */
export function planStages(fleet: readonly string[], stages: readonly StageSpec[]): string[][] {
  throw new Error('TODO: the devices each stage adds (see the README, section Executable core)');
}
