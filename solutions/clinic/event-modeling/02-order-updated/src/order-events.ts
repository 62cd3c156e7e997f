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
 * The facts one edit made true, each named for what happened, so a consumer acts on the
 * facts it cares about and never compares states. Nothing changed, nothing published; a
 * cancelled order is cancelled once. A cancellation goes first: whatever else the same edit
 * changed happened to an order that was no longer going anywhere.
 */
export function eventsForEdit(before: Order, after: Order, edit: OrderEdit): OrderEvent[] {
  const { orderId } = after;
  const facts: OrderEvent[] = [];
  if (before.status !== 'cancelled' && after.status === 'cancelled') {
    facts.push(event('OrderCancelled', orderId, { orderId, reason: edit.cancel?.reason ?? '' }));
  }
  if (after.shippingAddress !== before.shippingAddress) {
    facts.push(event('OrderShippingAddressAmended', orderId, { orderId, shippingAddress: after.shippingAddress }));
  }
  if (after.giftNote !== before.giftNote) {
    facts.push(event('OrderGiftNoteRewritten', orderId, { orderId, giftNote: after.giftNote }));
  }
  return facts;
}
