// MUTANT: The payload carries the customer's email address.
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';
import type { Cause } from '../cause.ts';
import type { PlacedOrder } from './placed-order.ts';

export interface OrderPlacedData {
  orderId: string;
  customerId: string;
  customerEmail: string;
  lines: { sku: string; quantity: number; unitPriceCents: number }[];
  totalCents: number;
  currency: string;
}

export type OrderPlaced = EventEnvelope<'OrderPlaced', OrderPlacedData>;

/** The fact that a customer placed an order, ready for the outbox. */
export function orderPlaced(order: PlacedOrder, cause: Cause): OrderPlaced {
  // A zero-quantity line was removed by the customer: it is not part of what was placed.
  const lines = order.lines
    .filter((line) => line.quantity > 0)
    .map(({ sku, quantity, unitPriceCents }) => ({ sku, quantity, unitPriceCents }));
  return {
    id: randomUUID(),
    type: 'OrderPlaced',
    version: 1,
    source: 'checkout',
    occurredAt: order.placedAt.toISOString(),
    correlationId: cause.correlationId,
    causationId: cause.commandId,
    data: {
      orderId: order.orderId,
      customerId: order.customer.customerId,
      customerEmail: order.customer.email,
      lines,
      totalCents: lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
      currency: order.currency,
    },
  };
}
