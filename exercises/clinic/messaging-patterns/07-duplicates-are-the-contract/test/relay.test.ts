import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namedCrashPoints } from '#graders/testkit/faults/crash-points.ts';
import { aCustomer, pipeline, type Pipeline } from './support/pipeline.ts';

// The relay is not the bug: these tests hold it to at-least-once, so that a "repair" that
// makes it publish at most once (and lose events) fails here.
let world: Pipeline;
beforeAll(async () => {
  world = await pipeline('clinic_duplicates_relay');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('checkout\'s outbox relay', () => {
  it('publishes each outbox row once when nothing goes wrong', async () => {
    const placed = await world.placeOrder(aCustomer(), 5000);
    expect(await world.relayPass()).toBe('finished');
    expect(await world.relayPass()).toBe('finished');
    expect(world.timesOnTopic(placed.id)).toBe(1);
  });

  it('publishes an event again after dying between publishing it and marking it published', async () => {
    const placed = await world.placeOrder(aCustomer(), 5000);
    expect(await world.relayPass({ diesAt: 'after-publish' })).toBe('died');
    await world.drainOutbox();
    expect(world.timesOnTopic(placed.id), 'copies of OrderPlaced on the topic after the relay restarted').toBe(2);
  });

  it.each(namedCrashPoints)('still publishes every event when the relay dies at %s', async (diesAt) => {
    const placed = await world.placeOrder(aCustomer(), 1200);
    const amended = await world.amendOrder(placed, 300);
    await world.relayPass({ diesAt });
    await world.drainOutbox();
    expect(world.timesOnTopic(placed.id), `OrderPlaced on the topic after the relay died at ${diesAt} and restarted`).toBeGreaterThanOrEqual(1);
    expect(world.timesOnTopic(amended.id), `OrderAmended on the topic after the relay died at ${diesAt} and restarted`).toBeGreaterThanOrEqual(1);
  });
});
