import type { StageSpec } from './ota.ts';

/** A stable spread of the fleet: ids ordered by a hash, so a stage is not one site's devices (fleet order often is). */
function spread(fleet: readonly string[]): string[] {
  const hash = (id: string) => [...id].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16_777_619) >>> 0, 2_166_136_261);
  return [...fleet].sort((a, b) => hash(a) - hash(b) || (a < b ? -1 : 1));
}

/**
 * Splits the fleet into the devices each stage adds: stage i's percent is the share of the
 * fleet reached by its end (rounded up to whole devices). Devices are taken in a hashed
 * order rather than fleet order.
 */
export function planStages(fleet: readonly string[], stages: readonly StageSpec[]): string[][] {
  if (new Set(fleet).size !== fleet.length) throw new Error('planStages: the fleet lists a device twice; give each device id once.');
  const order = spread(fleet);
  let reached = 0;
  return stages.map(({ name, percent }, i) => {
    if (!(percent > 0 && percent <= 100)) throw new Error(`planStages: stage ${name} reaches ${percent}% of the fleet; a stage's percent is in (0, 100].`);
    if (i === stages.length - 1 && percent !== 100) throw new Error(`planStages: the last stage (${name}) reaches ${percent}%; it must reach 100% of the fleet.`);
    const upTo = Math.max(reached, Math.ceil((fleet.length * percent) / 100));
    const added = order.slice(reached, upTo);
    reached = upTo;
    return added;
  });
}
