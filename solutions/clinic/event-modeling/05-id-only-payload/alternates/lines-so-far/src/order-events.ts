import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';
import type { Order, OrderLine } from './orders-api.ts';

/** A line as the events carry it: a copy taken when the fact happened. */
const lineData = ({ lineId, sku, quantity, unitPriceCents }: OrderLine) => ({ lineId, sku, quantity, unitPriceCents });

/**
 * OrderPlaced carries the state its consumers act on (event-carried state transfer): who
 * is billed and each line at the price it was sold at, as they were when the order was
 * placed. Nobody has to call back, so a slow or absent orders API stops no consumer, and a
 * later change cannot leak into this fact. The customer is named by id: the email stays in
 * the orders service, which invoicing never needed it from.
 */
export function orderPlacedData(order: Order): Record<string, unknown> {
  return { orderId: order.orderId, customerId: order.customerId, lines: order.lines.map(lineData) };
}

/**
 * OrderLineAdded carries the line added and every line the order held once it was added: a
 * consumer can replace what it holds instead of appending, so it never has to know which
 * lines it has already seen.
 */
export function orderLineAddedData(orderId: string, line: OrderLine, linesNow: OrderLine[] = [line]): Record<string, unknown> {
  return { orderId, line: lineData(line), linesSoFar: linesNow.map(lineData) };
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
