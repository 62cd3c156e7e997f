import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrashPoint, namedCrashPoints } from '#graders/testkit/faults/crash-points.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { type LoyaltyConsumer, pointsFor } from '../src/loyalty-consumer-api.ts';
import type { OrderEvent } from '../src/order-events.ts';
import { aCustomer, days, hours, pipeline, type Pipeline } from './support/pipeline.ts';

let world: Pipeline;
beforeAll(async () => {
  world = await pipeline('clinic_duplicates_consumer');
});
afterAll(() => world[Symbol.asyncDispose]());

/**
 * The relay dies between publishing and marking; `first` gets the event, the relay comes
 * back `downForMs` later and publishes it again, and `then` gets the copy.
 */
async function copyAfterRelayDeath(first: LoyaltyConsumer, then: LoyaltyConsumer, downForMs = 0) {
  await world.relayPass({ diesAt: 'after-publish' });
  await world.deliver(first);
  await world.clock.advance(downForMs);
  await world.drainOutbox();
  await world.deliver(then);
}

describe('the loyalty consumer', () => {
  it('credits the points of a placed order', async () => {
    const customer = aCustomer();
    await world.placeOrder(customer, 4250);
    await world.drainOutbox();
    await world.deliver(world.consumer());
    expect(await world.points(customer)).toBe(42);
  });

  it('credits an order once when the relay publishes it again after dying between publish and mark', async () => {
    const customer = aCustomer();
    const consumer = world.consumer();
    await world.placeOrder(customer, 5000);
    await copyAfterRelayDeath(consumer, consumer);
    expect(await world.points(customer), 'points after OrderPlaced reached the topic twice').toBe(50);
  });

  it('credits once when the republished event reaches a restarted consumer', async () => {
    const customer = aCustomer();
    await world.placeOrder(customer, 3000);
    await copyAfterRelayDeath(world.consumer(), world.consumer());
    expect(await world.points(customer), 'points after the copy reached a new instance of the service').toBe(30);
  });

  it('credits once when the relay comes back a day after dying between publish and mark', async () => {
    const customer = aCustomer();
    const consumer = world.consumer();
    await world.placeOrder(customer, 7000);
    await copyAfterRelayDeath(consumer, consumer, days(1));
    expect(await world.points(customer), 'points after the copy arrived a day later').toBe(70);
  });

  it('credits both an OrderPlaced and an OrderAmended of the same order', async () => {
    const customer = aCustomer();
    const placed = await world.placeOrder(customer, 2000);
    await world.amendOrder(placed, 500);
    await world.drainOutbox();
    await world.deliver(world.consumer());
    expect(await world.points(customer), 'points for an order placed for 20.00 and amended by 5.00').toBe(25);
  });

  it('credits an event whose first credit failed when it is delivered again', async () => {
    const customer = aCustomer();
    const consumer = world.consumer();
    await world.placeOrder(customer, 1800);
    await world.drainOutbox();
    await world.failNextCredit();
    await expect(world.deliver(consumer), 'the first delivery, whose credit the ledger refused').rejects.toThrow();
    await world.deliver(consumer);
    expect(await world.points(customer), 'points after the redelivery').toBe(18);
  });

  it('credits once when the consumer dies after its commit, before the offset is committed', async () => {
    const customer = aCustomer();
    await world.placeOrder(customer, 6000);
    await world.drainOutbox();
    // A consumer that writes in one autocommitted statement sends no COMMIT and finishes:
    // then the offset is committed and nothing comes again, which is as correct.
    await world.deliverToDyingConsumer('after-commit');
    await world.deliver(world.consumer());
    expect(await world.points(customer), 'points after the restarted consumer got the event again').toBe(60);
  });

  it('credits once when the group rewinds over events it already credited', async () => {
    const customer = aCustomer();
    const placed = await world.placeOrder(customer, 1000);
    await world.amendOrder(placed, 1000);
    await world.drainOutbox();
    await world.deliver(world.consumer());
    world.rewind(2);
    await world.deliver(world.consumer());
    expect(await world.points(customer)).toBe(20);
  });

  it('credits each distinct event exactly once under any schedule of relay and consumer crashes, rewinds and delays', async () => {
    // Most passes run through; one in three dies, at a named point or after any call.
    const crashPoint: fc.Arbitrary<CrashPoint | undefined> = fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 2 },
      { arbitrary: fc.oneof(fc.constantFrom(...namedCrashPoints), fc.integer({ min: 1, max: 6 }).map((afterCalls) => ({ afterCalls }))), weight: 1 },
    );
    const step = fc.oneof(
      fc.record({ kind: fc.constant('relay' as const), diesAt: crashPoint }),
      fc.record({ kind: fc.constant('deliver' as const), diesAt: crashPoint, restart: fc.boolean() }),
      fc.record({ kind: fc.constant('rewind' as const), messages: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 72 }) }),
    );
    const order = fc.record({ totalCents: fc.integer({ min: 100, max: 9_999 }), addedCents: fc.option(fc.integer({ min: 100, max: 5_000 }), { nil: undefined }) });
    await assertProperty(
      fc.asyncProperty(fc.array(order, { minLength: 1, maxLength: 3 }), fc.array(step, { maxLength: 6 }), async (orders, steps) => {
        const customer = aCustomer();
        const events: OrderEvent[] = [];
        for (const { totalCents, addedCents } of orders) {
          const placed = await world.placeOrder(customer, totalCents);
          events.push(placed);
          if (addedCents !== undefined) events.push(await world.amendOrder(placed, addedCents));
        }
        let consumer = world.consumer();
        for (const s of steps) {
          if (s.kind === 'relay') await world.relayPass({ diesAt: s.diesAt });
          else if (s.kind === 'rewind') world.rewind(s.messages);
          else if (s.kind === 'wait') await world.clock.advance(hours(s.hours));
          else if (s.diesAt) await world.deliverToDyingConsumer(s.diesAt);
          else {
            if (s.restart) consumer = world.consumer();
            await world.deliver(consumer);
          }
        }
        await world.drainOutbox();
        await world.deliver(world.consumer());
        for (const event of events) expect(world.timesOnTopic(event.id), `${event.type} ${event.id} on the topic`).toBeGreaterThanOrEqual(1);
        const expected = events.reduce((sum, event) => sum + pointsFor(event), 0);
        expect(await world.points(customer), `points after ${JSON.stringify(steps)}`).toBe(expected);
      }),
      { numRuns: 8 },
    );
  });
});
