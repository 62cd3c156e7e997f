import type { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';

/**
 * Runs relay passes until one publishes nothing, moving the clock a minute between passes
 * so that rows backing off become due. Bounded: a relay that never drains fails the test.
 */
export async function drain(relay: { runOnce(): Promise<number> }, clock: VirtualClock, maxPasses = 50): Promise<number> {
  let total = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const published = await relay.runOnce();
    if (published === 0) return total;
    total += published;
    clock.advance(60_000);
  }
  throw new Error(`the relay still published after ${maxPasses} passes: it never drains the outbox`);
}
