import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';
import type { Cause, NewOrder } from './order.ts';

export interface CheckoutDeps {
  pool: pg.Pool;
  clock: Clock;
  /** Checkout has a producer too. Whether placeOrder should use it is the whole kata. */
  publisher: Publisher;
}

/**
 * Stores the order and its OrderPlaced event (build it with `orderPlaced` from events.ts)
 * together: both, or neither. Returns the event's id.
 */
export async function placeOrder(deps: CheckoutDeps, order: NewOrder, cause: Cause): Promise<{ eventId: string }> {
  throw new Error('TODO: insert the order and its OrderPlaced event in one transaction');
}

/**
 * Marks a placed order cancelled and records OrderCancelled (`orderCancelled` in events.ts),
 * together. Refuses (throws) for an order that is not placed, writing nothing.
 */
export async function cancelOrder(deps: CheckoutDeps, orderId: string, reason: string, cause: Cause): Promise<{ eventId: string }> {
  throw new Error('TODO: cancel the order and record OrderCancelled in one transaction');
}
