import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';

/** What checkout hands its order service. */
export interface OrderServiceDeps {
  /** Checkout's database (src/checkout-schema.sql). */
  pool: pg.Pool;
  /** A kafkajs producer on the course's broker; publish through it, and only through it. */
  publisher: Publisher;
  clock: Clock;
  /** The topic OrderPlaced goes to. */
  topic: string;
}

/** The service as checkout runs it and the tests call it; keep this shape when you repair it. */
export interface OrderService {
  /**
   * Node's request listener for `POST /orders` with a JSON body `{ customerId, totalCents }`.
   * Answers 201 `{ orderId }` for an order it took, 400 for a body it cannot take, 500 when
   * it failed.
   */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /**
   * One pass of checkout's background publisher: in production a timer runs it every second,
   * in the tests the test does. Resolves with how many events went out; rejects when the
   * broker did not take them (the next pass tries again).
   */
  publishPending(): Promise<number>;
}
