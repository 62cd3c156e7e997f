import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';

/** What checkout hands the code that places an order; keep this shape when you repair it. */
export interface CheckoutDeps {
  /** Checkout's database (src/schema.sql). */
  pool: pg.Pool;
  /** Checkout's Kafka producer (kafkajs's `producer.send`). */
  publisher: Publisher;
  clock: Clock;
  /** The topic OrderPlaced goes to. */
  topic: string;
}
