import { planFor } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { placeOrder } from '../../src/place-order.ts';
import { createRelay } from '../../src/relay.ts';
import { placeOrders } from './checkout.ts';
import { drain } from './drain.ts';
import { aCause, anOrder } from './orders.ts';
import { asTopic, deliveriesById } from './topic.ts';

export type Outcome = 'lost' | 'duplicated' | 'neither';

export interface FailureMode {
  /** The heading in answers.md, under "Failure modes". */
  heading: string;
  outcome: Outcome;
  /** Makes the failure happen with the learner's code; returns how often each committed event reached the topic. */
  demonstrate(db: TestDatabase): Promise<number[]>;
}

const topic = 'orders';
const batchSize = 3;

export const failureModes: FailureMode[] = [
  {
    heading: 'Relay dies after SELECT, before publish',
    outcome: 'neither',
    async demonstrate(db) {
      const events = await placeOrders(db, 3);
      const broker = new RecordingPublisher();
      const clock = new VirtualClock();
      const dying = simulatedProcess({ pool: db.pool, publisher: broker, plan: planFor('after-select') });
      await dying.run(createRelay({ pool: dying.pool, publisher: dying.publisher, clock, topic, batchSize }).runOnce());
      await drain(createRelay({ pool: db.pool, publisher: broker, clock, topic, batchSize }), clock);
      const counts = deliveriesById(asTopic(broker));
      return events.map((e) => counts.get(e.eventId) ?? 0);
    },
  },
  {
    heading: 'Relay publishes, dies before UPDATE',
    outcome: 'duplicated',
    async demonstrate(db) {
      const events = await placeOrders(db, 3);
      const broker = new RecordingPublisher();
      const clock = new VirtualClock();
      const dying = simulatedProcess({ pool: db.pool, publisher: broker, plan: planFor('after-publish') });
      await dying.run(createRelay({ pool: dying.pool, publisher: dying.publisher, clock, topic, batchSize }).runOnce());
      await drain(createRelay({ pool: db.pool, publisher: broker, clock, topic, batchSize }), clock);
      const counts = deliveriesById(asTopic(broker));
      return events.map((e) => counts.get(e.eventId) ?? 0);
    },
  },
  {
    heading: 'Database commits, process dies before returning',
    outcome: 'neither',
    async demonstrate(db) {
      const broker = new RecordingPublisher();
      const clock = new VirtualClock();
      const order = anOrder();
      const dying = simulatedProcess({ pool: db.pool, publisher: broker, plan: planFor('after-commit') });
      await dying.run(placeOrder({ pool: dying.pool, clock, publisher: dying.publisher }, order, aCause()));
      // The caller never heard back, so it retries; the retry must not place the order twice.
      await placeOrder({ pool: db.pool, clock, publisher: broker }, order, aCause()).catch(() => undefined);
      await drain(createRelay({ pool: db.pool, publisher: broker, clock, topic, batchSize }), clock);
      return [broker.messages.filter((m) => m.key === order.orderId).length];
    },
  },
  {
    heading: 'Broker rejects the publish',
    outcome: 'neither',
    async demonstrate(db) {
      const events = await placeOrders(db, 3);
      const broker = new RecordingPublisher();
      broker.unavailable = new Error('KafkaJSProtocolError: NOT_ENOUGH_REPLICAS');
      const clock = new VirtualClock();
      const relay = createRelay({ pool: db.pool, publisher: broker, clock, topic, batchSize });
      await relay.runOnce().catch(() => 0);
      broker.unavailable = undefined;
      clock.advance(10 * 60_000);
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
