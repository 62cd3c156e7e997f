import type { StageSpec } from './ota.ts';

/**
 * Splits the fleet into the devices each stage adds: stage i's percent is the share of the
 * fleet reached by its end (rounded up to whole devices), so a stage adds what its share
 * reaches beyond the previous one's. Devices are taken in fleet order.
 */
export function planStages(fleet: readonly string[], stages: readonly StageSpec[]): string[][] {
  if (new Set(fleet).size !== fleet.length) throw new Error('planStages: the fleet lists a device twice; give each device id once.');
  let reached = 0;
  return stages.map(({ name, percent }, i) => {
    if (!(percent > 0 && percent <= 100)) throw new Error(`planStages: stage ${name} reaches ${percent}% of the fleet; a stage's percent is in (0, 100].`);
    if (i === stages.length - 1 && percent !== 100) throw new Error(`planStages: the last stage (${name}) reaches ${percent}%; it must reach 100% of the fleet.`);
    const upTo = Math.max(reached, Math.ceil((fleet.length * percent) / 100));
    const added = fleet.slice(reached, upTo);
    reached = upTo;
    return added;
  });
}
