import { randomUUID } from 'node:crypto';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';
import { type CrashPoint, planFor } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { databaseWithSchema } from '#graders/testkit/harness/schema-database.ts';
import { createOutboxRelay } from '#graders/testkit/outbox/outbox-relay.ts';
import type { NewOrder } from '../../src/order-placed.ts';
import { placeOrder } from '../../src/place-order.ts';

/** How one attempt to place an order ended, as the caller (or nobody, after a crash) saw it. */
export type Outcome = 'placed' | 'failed' | 'died';

/**
 * Checkout on a database of its own, with its `orders` topic. By default the topic is the
 * course's in-memory stand-in for the broker (it keeps every message it took, in order), so
 * a crash can be staged at an exact call and the broker switched off and on at will; pass a
 * kafkajs producer as `publisher` to put the messages on a real topic instead.
 */
export interface Checkout extends AsyncDisposable {
  db: TestDatabase;
  clock: VirtualClock;
  /** The in-memory broker (unused when a publisher was given). */
  broker: RecordingPublisher;
  /**
   * Places an order, run as a process of its own. With `diesAt`, the process dies there, as
   * a killed pod would (`{ afterCalls: 1 }`: right after its first call to PostgreSQL or the
   * broker). Returns the order and how the attempt ended.
   */
  placeOrder(options?: { diesAt?: CrashPoint; order?: Partial<NewOrder> }): Promise<{ order: NewOrder; outcome: Outcome }>;
  /** While down, every publish to the in-memory broker fails as an unreachable broker's does. */
  brokerDown(): void;
  brokerUp(): void;
  /**
   * The course's outbox relay (Kata 2's, from the test kit) runs until checkout's `outbox`
   * has nothing left to publish. Without an `outbox` table there is nothing for it to do.
   */
  drainOutbox(): Promise<void>;
  /** Empties checkout's tables and the in-memory topic, and brings the broker up. */
  reset(): Promise<void>;
  /** The order ids in checkout's `orders` table. */
  ordersStored(): Promise<string[]>;
  /** The order id of every OrderPlaced on the in-memory topic, once per copy. */
  ordersOnTopic(): string[];
}

export async function checkout(label: string, options: { publisher?: Publisher; topic?: string } = {}): Promise<Checkout> {
  const db = await databaseWithSchema(label, new URL('../../src/schema.sql', import.meta.url));
  const clock = new VirtualClock();
  const broker = new RecordingPublisher();
  const publisher = options.publisher ?? broker;
  const topic = options.topic ?? 'orders';

  const hasOutbox = async () => {
    const { rows } = await db.pool.query<{ found: boolean }>(/* sql */ `SELECT to_regclass('outbox') IS NOT NULL AS found`);
    return rows[0]!.found;
  };

  return {
    db,
    clock,
    broker,
    async placeOrder({ diesAt, order: given } = {}) {
      const order: NewOrder = { orderId: `order-${randomUUID().slice(0, 8)}`, customerId: 'customer-1', totalCents: 4_200, ...given };
      const process = simulatedProcess({ pool: db.pool, publisher, plan: planFor(diesAt) });
      try {
        const result = await process.run(placeOrder({ pool: process.pool, publisher: process.publisher, clock, topic }, order));
        return { order, outcome: result.finished ? 'placed' : 'died' };
      } catch {
        // Checkout answered the customer with an error; what it left behind is what counts.
        return { order, outcome: 'failed' };
      }
    },
    brokerDown() {
      broker.unavailable = new Error('KafkaJSConnectionError: Connection refused (the broker is down)');
    },
    brokerUp() {
      broker.unavailable = undefined;
    },
    async drainOutbox() {
      if (!(await hasOutbox())) return;
      const relay = createOutboxRelay({ pool: db.pool, publisher, clock, topic });
      while ((await relay.runOnce()) > 0) await clock.advance(1_000);
    },
    async reset() {
      broker.unavailable = undefined;
      broker.messages.length = 0;
      // Every table checkout's schema made, whatever the repair added to it.
      await db.pool.query(
        /* sql */ `DO $$ BEGIN EXECUTE (SELECT 'TRUNCATE ' || string_agg(quote_ident(tablename), ', ') FROM pg_tables WHERE schemaname = 'public'); END $$`,
      );
    },
    async ordersStored() {
      const { rows } = await db.pool.query<{ order_id: string }>(/* sql */ `SELECT order_id FROM orders ORDER BY order_id`);
      return rows.map((row) => row.order_id);
    },
    ordersOnTopic: () => broker.messages.map((message) => orderIdIn(message.value)),
    [Symbol.asyncDispose]: () => db[Symbol.asyncDispose](),
  };
}

/** The order id inside an OrderPlaced message (an envelope whose `data` names the order). */
export function orderIdIn(value: string): string {
  const parsed = JSON.parse(value) as { data?: { orderId?: unknown } };
  return String(parsed.data?.orderId);
}

/**
 * Compares the orders checkout stored with the OrderPlaced events on the topic, in the words
 * of the incident: orders nobody heard of, and events about orders that do not exist.
 */
export function mismatches(stored: readonly string[], onTopic: readonly string[]) {
  const published = new Set(onTopic);
  const kept = new Set(stored);
  return {
    ordersWithoutEvent: stored.filter((id) => !published.has(id)),
    eventsWithoutOrder: [...published].filter((id) => !kept.has(id)),
  };
}
