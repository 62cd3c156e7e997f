import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';
import type { Cause, NewOrder } from './order.ts';

export interface OrderPlacedData {
  orderId: string;
  customerId: string;
  lines: { sku: string; quantity: number; unitPriceCents: number }[];
  totalCents: number;
  currency: string;
}

export interface OrderCancelledData {
  orderId: string;
  reason: string;
}

export type OrderPlaced = EventEnvelope<'OrderPlaced', OrderPlacedData>;
export type OrderCancelled = EventEnvelope<'OrderCancelled', OrderCancelledData>;
/** Every event checkout writes to its outbox. */
export type OrderEvent = OrderPlaced | OrderCancelled;

/** The events of Kata 1, ready made: this kata is about getting them out safely. */
export function orderPlaced(order: NewOrder, cause: Cause, occurredAt: Date): OrderPlaced {
  return {
    ...envelope(cause, occurredAt),
    type: 'OrderPlaced',
    data: {
      orderId: order.orderId,
      customerId: order.customerId,
      lines: order.lines.map(({ sku, quantity, unitPriceCents }) => ({ sku, quantity, unitPriceCents })),
      totalCents: order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
      currency: order.currency,
    },
  };
}

export function orderCancelled(orderId: string, reason: string, cause: Cause, occurredAt: Date): OrderCancelled {
  return { ...envelope(cause, occurredAt), type: 'OrderCancelled', data: { orderId, reason } };
}

function envelope(cause: Cause, occurredAt: Date) {
  return {
    id: randomUUID(),
    version: 1,
    source: 'checkout',
    occurredAt: occurredAt.toISOString(),
    correlationId: cause.correlationId,
    causationId: cause.commandId,
  };
}
