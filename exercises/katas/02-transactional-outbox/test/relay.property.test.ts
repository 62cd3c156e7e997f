import fc from 'fast-check';
import { AssertionError } from 'node:assert';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type CrashPoint, describeCrashPoint, namedCrashPoints, planFor } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { renderTimeline, type TimelineStep } from '#graders/testkit/harness/timeline.ts';
import { cancelOrder, placeOrder } from '../src/place-order.ts';
import { createRelay } from '../src/relay.ts';
import { checkoutDatabase, emptyTables } from './support/checkout-database.ts';
import { drain } from './support/drain.ts';
import { expectOutboxInvariants, expectPublishedAtTruthful, type PlacedEvent } from './support/outbox-invariants.ts';
import { aCause, orderArbitrary } from './support/orders.ts';
import { asTopic, deliveriesById, type TopicMessage, watching } from './support/topic.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await checkoutDatabase('kata2_relay_property');
});
afterAll(() => db[Symbol.asyncDispose]());

type Step =
  | { kind: 'place'; rolledBack: boolean }
  | { kind: 'cancel'; which: number }
  | { kind: 'relay'; crash: CrashPoint | null };

const crashArbitrary: fc.Arbitrary<CrashPoint> = fc.oneof(
  fc.constantFrom(...namedCrashPoints),
  fc.record({ afterCalls: fc.integer({ min: 1, max: 8 }) }),
);
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('place' as const), rolledBack: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), which: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('relay' as const), crash: fc.option(crashArbitrary, { nil: null }) }) },
);
const scenario = fc.record({
  // Unique ids: shrinking would otherwise make two orders the same order.
  orders: fc.uniqueArray(orderArbitrary, { minLength: 12, maxLength: 12, selector: (order) => order.orderId }),
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 12 }),
  batchSize: fc.integer({ min: 1, max: 4 }),
});

describe('the polling relay under generated interleavings', () => {
  it('keeps every outbox invariant whatever commits, rolls back and crashes in between', async () => {
    await assertProperty(
      fc.asyncProperty(scenario, async ({ orders, steps, batchSize }) => {
        await emptyTables(db);
        const clock = new VirtualClock();
        const broker = new RecordingPublisher();
        const story: TimelineStep[] = [];
        const committed: PlacedEvent[] = [];
        const rolledBack: string[] = [];
        const inFlight = new Set<string>();
        const cancellable: PlacedEvent[] = [];
        let nextOrder = 0;
        let relayNumber = 0;
        try {
          for (const step of steps) {
            if (step.kind === 'place' && nextOrder < orders.length) {
              const order = orders[nextOrder++]!;
              if (step.rolledBack) {
                const process = simulatedProcess({ pool: db.pool, publisher: broker, plan: planFor('before-commit') });
                await process.run(placeOrder({ pool: process.pool, clock, publisher: process.publisher }, order, aCause()));
                rolledBack.push(order.orderId);
                story.push({ actor: 'checkout', text: `placing ${order.orderId} dies before COMMIT (rolled back)` });
              } else {
                const { eventId } = await placeOrder({ pool: db.pool, clock, publisher: new RecordingPublisher() }, order, aCause());
                const event = { eventId, orderId: order.orderId, label: `OrderPlaced ${order.orderId}` };
                committed.push(event);
                cancellable.push(event);
                story.push({ actor: 'checkout', text: `commits ${event.label}` });
              }
            } else if (step.kind === 'cancel' && cancellable.length > 0) {
              const [target] = cancellable.splice(step.which % cancellable.length, 1);
              const { eventId } = await cancelOrder({ pool: db.pool, clock, publisher: new RecordingPublisher() }, target!.orderId, 'changed mind', aCause());
              committed.push({ eventId, orderId: target!.orderId, label: `OrderCancelled ${target!.orderId}` });
              story.push({ actor: 'checkout', text: `commits OrderCancelled ${target!.orderId}` });
            } else if (step.kind === 'relay') {
              relayNumber += 1;
              const actor = `relay ${relayNumber}`;
              const before = broker.messages.length;
              const published = new Set<string>();
              const process = simulatedProcess({ pool: db.pool, publisher: watching(broker, published), plan: planFor(step.crash ?? undefined, batchSize) });
              const relay = createRelay({ pool: process.pool, publisher: process.publisher, clock, topic: 'orders', batchSize });
              const outcome = await process.run(relay.runOnce());
              const sent = broker.messages.slice(before).map((m) => m.key).join(', ') || 'nothing';
              if (outcome.finished) {
                story.push({ actor, text: `pass publishes ${sent}` });
              } else {
                published.forEach((id) => inFlight.add(id));
                story.push({ actor, text: `pass publishes ${sent}, then dies ${describeCrashPoint(step.crash!)}` });
              }
              await expectPublishedAtTruthful(db, committed, countById(broker));
              clock.advance(60_000);
            }
          }
          story.push({ actor: 'relay (last)', text: 'runs until the outbox is empty' });
          await drain(createRelay({ pool: db.pool, publisher: broker, clock, topic: 'orders', batchSize }), clock);
          const messages = asTopic(broker);
          await expectOutboxInvariants(db, {
            committed,
            rolledBack: [],
            messages,
            inFlightAtCrash: inFlight,
          });
          for (const orderId of rolledBack) {
            if (messages.some((m) => m.key === orderId)) throw new AssertionError({ message: `order ${orderId} was rolled back but reached the topic` });
          }
          expectFirstDeliveriesInCommitOrder(committed, messages);
        } catch (error) {
          throw new AssertionError({
            message: renderTimeline({ problem: (error as Error).message, steps: story }),
          });
        }
      }),
      { numRuns: 25 },
    );
    // A property over a real database: generous, since two cores may run several of these at once.
  }, 240_000);
});

function countById(broker: RecordingPublisher): Map<string, number> {
  return deliveriesById(asTopic(broker));
}

/** Per order, the first time each of its events appears follows the order they were committed in. */
function expectFirstDeliveriesInCommitOrder(committed: readonly PlacedEvent[], messages: readonly TopicMessage[]): void {
  const firstSeen = new Map<string, number>();
  messages.forEach((m, index) => {
    if (m.eventId && !firstSeen.has(m.eventId)) firstSeen.set(m.eventId, index);
  });
  const byOrder = new Map<string, PlacedEvent[]>();
  for (const event of committed) byOrder.set(event.orderId, [...(byOrder.get(event.orderId) ?? []), event]);
  for (const events of byOrder.values()) {
    for (let i = 1; i < events.length; i++) {
      const earlier = firstSeen.get(events[i - 1]!.eventId) ?? -1;
      const later = firstSeen.get(events[i]!.eventId) ?? -1;
      if (later < earlier) {
        throw new AssertionError({ message: `${events[i]!.label} was first published before ${events[i - 1]!.label}, which was committed earlier` });
      }
    }
  }
}
