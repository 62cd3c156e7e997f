import { randomUUID } from 'node:crypto';
import type { Order, OrderEdit } from './order.ts';

/** One event the order service publishes; consumers get them once each, in order, per order. */
export interface OrderEvent {
  id: string;
  type: string;
  orderId: string;
  data: Record<string, unknown>;
}

const event = (type: string, orderId: string, data: Record<string, unknown>): OrderEvent => ({ id: randomUUID(), type, orderId, data });

/** The event for a new order: everything a consumer needs to start with. */
export function orderPlaced(order: Order): OrderEvent {
  return event('OrderPlaced', order.orderId, { ...order });
}

/**
 * The events for one edit, from the order before and after it. Every change is published the
 * same way, as the order's new state, so every consumer always has the whole picture.
 */
export function eventsForEdit(_before: Order, after: Order, _edit: OrderEdit): OrderEvent[] {
  return [event('OrderUpdated', after.orderId, { ...after })];
}
