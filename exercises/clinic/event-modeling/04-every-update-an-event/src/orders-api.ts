import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';
import type { OrderColumns } from './order-columns.ts';

/** What the orders service is given. */
export interface OrderServiceDeps {
  pool: pg.Pool;
  publisher: Publisher;
  /** The topic shipping and refunds read. */
  topic: string;
  clock: Clock;
  /** Where each field lives in the table; the table as src/orders-schema.sql makes it when left out. */
  columns?: OrderColumns;
}

/** The orders service as the shop and the tests call it; keep this shape. */
export interface OrderService {
  place(order: { orderId: string; customerId: string; shippingAddress: string }): Promise<void>;
  /** The customer corrects where the order goes. */
  correctShippingAddress(orderId: string, shippingAddress: string): Promise<void>;
  cancel(orderId: string, reason: string): Promise<void>;
  /** Someone opened the order's page: stamps last_seen_at for the "recently viewed" list. */
  recordView(orderId: string): Promise<void>;
}
