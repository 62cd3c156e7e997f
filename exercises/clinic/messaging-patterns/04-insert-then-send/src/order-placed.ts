import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';

/** An order as checkout receives it. */
export interface NewOrder {
  orderId: string;
  customerId: string;
  totalCents: number;
}

/** Checkout took an order: stock, email and billing all act on it. */
export type OrderPlaced = EventEnvelope<'OrderPlaced', NewOrder>;

/** The event for one order, with an id of its own. */
export function orderPlaced(order: NewOrder, occurredAt: Date): OrderPlaced {
  const id = randomUUID();
  return {
    id,
    version: 1,
    source: 'checkout',
    occurredAt: occurredAt.toISOString(),
    correlationId: id,
    causationId: id,
    type: 'OrderPlaced',
    data: { orderId: order.orderId, customerId: order.customerId, totalCents: order.totalCents },
  };
}
