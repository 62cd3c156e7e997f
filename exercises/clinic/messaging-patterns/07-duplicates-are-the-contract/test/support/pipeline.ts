import { randomUUID } from 'node:crypto';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';
import { type CrashPoint, planFor } from '#graders/testkit/faults/crash-points.ts';
import { installInsertFault } from '#graders/testkit/faults/insert-fault.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { databaseWithSchema } from '#graders/testkit/harness/schema-database.ts';
import { createLoyaltyConsumer } from '../../src/loyalty-consumer.ts';
import type { LoyaltyConsumer } from '../../src/loyalty-consumer-api.ts';
import type { OrderAmended, OrderEvent, OrderPlaced } from '../../src/order-events.ts';
import { createOutboxRelay } from '../../src/outbox-relay.ts';

export const hours = (n: number) => n * 60 * 60_000;
export const days = (n: number) => n * 24 * hours(1);

const topic = 'orders';

/**
 * Checkout and loyalty, each on its own database, joined by the `orders` topic. The topic is
 * the course's in-memory stand-in for the broker (it keeps every message it was sent, in
 * order, like one partition), so a crash can be staged at an exact call and a run takes
 * milliseconds. The loyalty service's consumer group has one committed offset, which
 * survives restarts, as Kafka keeps it.
 */
export interface Pipeline extends AsyncDisposable {
  checkout: TestDatabase;
  loyalty: TestDatabase;
  clock: VirtualClock;
  /** Checkout places an order: the order's OrderPlaced goes into the outbox. */
  placeOrder(customerId: string, totalCents: number): Promise<OrderPlaced>;
  /** Checkout amends a placed order: a second, distinct event of the same order. */
  amendOrder(placed: OrderPlaced, addedCents: number): Promise<OrderAmended>;
  /**
   * One pass of checkout's relay, run as a process of its own. With `diesAt`, the process
   * dies there, as a killed pod would; returns whether the pass finished.
   */
  relayPass(options?: { diesAt?: CrashPoint }): Promise<'finished' | 'died'>;
  /** Relay passes until the outbox has nothing left to publish. */
  drainOutbox(): Promise<void>;
  /** A loyalty consumer instance; call again for a restarted service (nothing in memory survives). */
  consumer(): LoyaltyConsumer;
  /**
   * Delivers every message after the group's committed offset to `consumer`, committing the
   * offset after each one it handled. If handling throws, the offset stays and the error is
   * thrown: the message comes again on the next delivery.
   */
  deliver(consumer: LoyaltyConsumer): Promise<void>;
  /**
   * Delivers to a new consumer instance running as a process that dies at `diesAt` (for
   * example `after-commit`: its transaction committed, the offset not). Returns whether it
   * died before the topic was delivered to its end.
   */
  deliverToDyingConsumer(diesAt: CrashPoint): Promise<'finished' | 'died'>;
  /** The group's offset moves back `messages` (a rebalance that lost uncommitted progress). */
  rewind(messages: number): void;
  /** How often the event with this id is on the topic. */
  timesOnTopic(eventId: string): number;
  /** The customer's points balance, from the loyalty ledger. */
  points(customerId: string): Promise<number>;
  /** Makes the next credit written to the loyalty ledger fail, as a lost connection or a constraint would. */
  failNextCredit(): Promise<void>;
}

/**
 * `topic` puts the relay's messages on another broker, for example a kafkajs producer on the
 * course's Kafka broker (then `deliver` and `timesOnTopic` see nothing: read that topic yourself).
 */
export async function pipeline(label: string, options: { topic?: { name: string; publisher: Publisher } } = {}): Promise<Pipeline> {
  const checkout = await databaseWithSchema(`${label}_checkout`, new URL('../../src/checkout-schema.sql', import.meta.url));
  let loyalty: TestDatabase;
  try {
    loyalty = await databaseWithSchema(`${label}_loyalty`, new URL('../../src/loyalty-schema.sql', import.meta.url));
  } catch (error) {
    await checkout[Symbol.asyncDispose]();
    throw error;
  }
  const fault = await installInsertFault(loyalty.pool, 'points_ledger', 'the points could not be credited (a staged fault)');
  const clock = new VirtualClock();
  const broker = new RecordingPublisher();
  let committedOffset = 0;

  async function writeToOutbox<T extends OrderEvent>(event: T): Promise<T> {
    await checkout.pool.query(
      /* sql */ `INSERT INTO outbox (event_id, aggregate_id, event_type, payload) VALUES ($1, $2, $3, $4)`,
      [event.id, event.data.orderId, event.type, event],
    );
    return event;
  }

  async function relayPass({ diesAt }: { diesAt?: CrashPoint } = {}) {
    const process = simulatedProcess({ pool: checkout.pool, publisher: options.topic?.publisher ?? broker, plan: planFor(diesAt) });
    const relay = createOutboxRelay({ pool: process.pool, publisher: process.publisher, clock, topic: options.topic?.name ?? topic });
    const outcome = await process.run(relay.runOnce());
    return outcome.finished ? ('finished' as const) : ('died' as const);
  }

  async function deliverTo(consumer: LoyaltyConsumer, run: <T>(work: Promise<T>) => Promise<boolean>) {
    while (committedOffset < broker.messages.length) {
      const event = JSON.parse(broker.messages[committedOffset]!.value) as OrderEvent;
      if (!(await run(consumer.handle(event)))) return 'died' as const;
      committedOffset++;
    }
    return 'finished' as const;
  }

  return {
    checkout,
    loyalty,
    clock,
    placeOrder: (customerId, totalCents) =>
      writeToOutbox({ ...envelope(clock), type: 'OrderPlaced', data: { orderId: `order-${randomUUID().slice(0, 8)}`, customerId, totalCents } }),
    amendOrder: (placed, addedCents) =>
      writeToOutbox({ ...envelope(clock), type: 'OrderAmended', data: { orderId: placed.data.orderId, customerId: placed.data.customerId, addedCents } }),
    relayPass,
    async drainOutbox() {
      while ((await relayPass()) === 'finished') {
        const { rows } = await checkout.pool.query(/* sql */ `SELECT 1 FROM outbox WHERE published_at IS NULL LIMIT 1`);
        if (rows.length === 0) return;
      }
    },
    consumer: () => createLoyaltyConsumer({ pool: loyalty.pool, clock }),
    async deliver(consumer) {
      await deliverTo(consumer, async (work) => (await work, true));
    },
    deliverToDyingConsumer(diesAt) {
      const process = simulatedProcess({ pool: loyalty.pool, publisher: broker, plan: planFor(diesAt) });
      const consumer = createLoyaltyConsumer({ pool: process.pool, clock });
      return deliverTo(consumer, async (work) => (await process.run(work)).finished);
    },
    rewind(messages) {
      committedOffset = Math.max(0, committedOffset - messages);
    },
    timesOnTopic: (eventId) => broker.messages.filter((message) => message.headers['event-id'] === eventId).length,
    async points(customerId) {
      const { rows } = await loyalty.pool.query<{ points: string }>(
        /* sql */ `SELECT coalesce(sum(points), 0)::text AS points FROM points_ledger WHERE customer_id = $1`,
        [customerId],
      );
      return Number(rows[0]!.points);
    },
    failNextCredit: () => fault.failNext(),
    async [Symbol.asyncDispose]() {
      try {
        await loyalty[Symbol.asyncDispose]();
      } finally {
        await checkout[Symbol.asyncDispose]();
      }
    },
  };
}

function envelope(clock: VirtualClock) {
  const id = randomUUID();
  return { id, version: 1, source: 'checkout', occurredAt: clock.now().toISOString(), correlationId: id, causationId: id };
}

/** A customer of their own for each test, so tests never see each other's points. */
export const aCustomer = () => `customer-${randomUUID().slice(0, 8)}`;
