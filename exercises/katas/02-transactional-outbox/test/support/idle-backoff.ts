import { AssertionError } from 'node:assert';
import { expect } from 'vitest';
import type { SimulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import type { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';

/**
 * Runs a relay with nothing to publish and checks it sleeps between passes: one pass per
 * wake-up, never a busy loop, and it stops when told. `process` counts its calls.
 */
export async function expectIdleRelayBacksOff(
  relay: { run(signal: AbortSignal): Promise<void> },
  process: SimulatedProcess,
  clock: VirtualClock,
): Promise<void> {
  const stop = new AbortController();
  const running = relay.run(stop.signal);
  const stoppedEarly = running.then(() => {
    throw new AssertionError({ message: 'run() returned before it was told to stop' });
  });
  const passes: number[] = [];
  for (let round = 0; round < 3; round++) {
    const sleptMs = await Promise.race([clock.nextSleep(), stoppedEarly]);
    expect(sleptMs, 'an idle relay backs off for a while before it looks again').toBeGreaterThan(0);
    passes.push(process.calls.length);
    void clock.advance(sleptMs);
  }
  expect(passes[0], 'the relay looked for work before its first sleep').toBeGreaterThan(0);
  expect(passes[2]! - passes[1]!, 'one pass per wake-up, not a busy loop').toBe(passes[1]! - passes[0]!);
  stop.abort();
  await expect(running).resolves.toBeUndefined();
}
