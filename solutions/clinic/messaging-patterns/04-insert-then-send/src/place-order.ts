import type { CheckoutDeps } from './checkout-api.ts';
import { type NewOrder, type OrderPlaced, orderPlaced } from './order-placed.ts';

/**
 * Stores the order and its OrderPlaced in one transaction: both, or neither. The broker
 * takes no part in it (PostgreSQL and Kafka share no transaction): the outbox relay
 * publishes the row once it is committed, and again after a crash, so an order taken while
 * the broker is down still reaches it when the broker is back.
 */
export async function placeOrder(deps: CheckoutDeps, order: NewOrder): Promise<OrderPlaced> {
  const event = orderPlaced(order, deps.clock.now());
  const client = await deps.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      /* sql */ `INSERT INTO orders (order_id, customer_id, total_cents, placed_at) VALUES ($1, $2, $3, $4)`,
      [order.orderId, order.customerId, order.totalCents, event.occurredAt],
    );
    await client.query(
      /* sql */ `INSERT INTO outbox (event_id, aggregate_id, event_type, payload) VALUES ($1, $2, $3, $4)`,
      [event.id, order.orderId, event.type, JSON.stringify(event)],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return event;
}
