import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';
import type { Order, OrderLine } from './orders-api.ts';

/**
 * OrderPlaced: a notification. It says that an order exists and nothing else, because any
 * consumer can ask the orders API for the rest.
 */
export function orderPlacedData(order: Order): Record<string, unknown> {
  return { orderId: order.orderId };
}

/** OrderLineAdded: a notification too; the line is one API call away. */
export function orderLineAddedData(orderId: string, line: OrderLine): Record<string, unknown> {
  return { orderId, lineId: line.lineId };
}

/** The course envelope around a payload. */
export function envelope(type: string, orderId: string, data: Record<string, unknown>, occurredAt: Date): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    version: 1,
    source: 'orders',
    occurredAt: occurredAt.toISOString(),
    correlationId: orderId,
    causationId: orderId,
    data,
  };
}
