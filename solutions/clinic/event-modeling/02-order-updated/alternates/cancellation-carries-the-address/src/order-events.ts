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
 * The facts one edit made true. An edit that cancels is one fact, OrderCancelled, carrying
 * the address the goods now go back from (the returns label needs it): whatever else that
 * edit changed happened to an order that is no longer going anywhere. Any other edit
 * publishes one fact per thing it changed, and nothing if it changed nothing.
 */
export function eventsForEdit(before: Order, after: Order, edit: OrderEdit): OrderEvent[] {
  const { orderId } = after;
  if (before.status !== 'cancelled' && after.status === 'cancelled') {
    return [event('OrderCancelled', orderId, { orderId, reason: edit.cancel?.reason ?? '', shippingAddress: after.shippingAddress })];
  }
  const facts: OrderEvent[] = [];
  if (after.shippingAddress !== before.shippingAddress) {
    facts.push(event('OrderShippingAddressAmended', orderId, { orderId, shippingAddress: after.shippingAddress }));
  }
  if (after.giftNote !== before.giftNote) {
    facts.push(event('OrderGiftNoteRewritten', orderId, { orderId, giftNote: after.giftNote }));
  }
  return facts;
}
