import type { StoredEvent } from './payment-events.ts';

/**
 * The warehouse's rule, read from the payments stream: an order whose payment was captured
 * is paid for, so it ships. Returns the orders an event tells the warehouse to ship.
 */
export function ordersToShip(event: StoredEvent): string[] {
  return event.type === 'PaymentCaptured' ? [String(event.data.orderId)] : [];
}
