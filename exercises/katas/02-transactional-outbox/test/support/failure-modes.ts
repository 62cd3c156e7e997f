import { planFor } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { placeOrder } from '../../src/place-order.ts';
import { placeOrders } from './checkout.ts';
import { drain } from './drain.ts';
import { aCause, anOrder } from './orders.ts';
import { relayUnderTest } from './relay-under-test.ts';
import { asTopic, deliveriesById } from './topic.ts';

export const outcomes = ['lost', 'duplicated', 'neither'] as const;
export type Outcome = (typeof outcomes)[number];

export interface FailureMode {
  /** The heading in answers.md, under "Failure modes". */
  heading: string;
  outcome: Outcome;
  /** Makes the failure happen with the learner's code; returns how often each committed event reached the topic. */
  demonstrate(db: TestDatabase): Promise<number[]>;
}

/** Places three orders, kills a relay at `point` in its first pass, then lets a new relay drain. */
async function relayDiesAt(db: TestDatabase, point: 'after-select' | 'after-publish'): Promise<number[]> {
  await using relays = await relayUnderTest(db);
  const events = await placeOrders(db, 3);
  await relays.ready();
  const broker = new RecordingPublisher();
  const clock = new VirtualClock();
  const dying = simulatedProcess({ pool: db.pool, publisher: broker, plan: planFor(point) });
  await dying.run(relays.make({ pool: dying.pool, publisher: dying.publisher, clock }).runOnce());
  await drain(relays.make({ pool: db.pool, publisher: broker, clock }), clock);
  const counts = deliveriesById(asTopic(broker));
  return events.map((e) => counts.get(e.eventId) ?? 0);
}

export const failureModes: FailureMode[] = [
  {
    heading: 'Relay dies after SELECT, before publish',
    outcome: 'neither',
    demonstrate: (db) => relayDiesAt(db, 'after-select'),
  },
  {
    heading: 'Relay publishes, dies before UPDATE',
    outcome: 'duplicated',
    demonstrate: (db) => relayDiesAt(db, 'after-publish'),
  },
  {
    heading: 'Database commits, process dies before returning',
    outcome: 'neither',
    async demonstrate(db) {
      await using relays = await relayUnderTest(db);
      const broker = new RecordingPublisher();
      const clock = new VirtualClock();
      const order = anOrder();
      const dying = simulatedProcess({ pool: db.pool, publisher: broker, plan: planFor('after-commit') });
      await dying.run(placeOrder({ pool: dying.pool, clock, publisher: dying.publisher }, order, aCause()));
      // The caller never heard back, so it retries; the retry must not place the order twice.
      await placeOrder({ pool: db.pool, clock, publisher: broker }, order, aCause()).catch(() => undefined);
      await relays.ready();
      await drain(relays.make({ pool: db.pool, publisher: broker, clock }), clock);
      return [broker.messages.filter((m) => m.key === order.orderId).length];
    },
  },
  {
    heading: 'Broker rejects the publish',
    outcome: 'neither',
    async demonstrate(db) {
      await using relays = await relayUnderTest(db);
      const events = await placeOrders(db, 3);
      await relays.ready();
      const broker = new RecordingPublisher();
      broker.unavailable = new Error('KafkaJSProtocolError: NOT_ENOUGH_REPLICAS');
      const clock = new VirtualClock();
      const relay = relays.make({ pool: db.pool, publisher: broker, clock });
      await relay.runOnce().catch(() => 0);
      broker.unavailable = undefined;
      await clock.advance(10 * 60_000);
      await drain(relay, clock);
      const counts = deliveriesById(asTopic(broker));
      return events.map((e) => counts.get(e.eventId) ?? 0);
    },
  },
];

export function outcomeOf(deliveries: readonly number[]): Outcome {
  if (deliveries.some((count) => count === 0)) return 'lost';
  if (deliveries.some((count) => count > 1)) return 'duplicated';
  return 'neither';
}
