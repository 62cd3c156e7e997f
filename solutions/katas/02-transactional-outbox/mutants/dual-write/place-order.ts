// MUTANT: placeOrder commits the order and then publishes OrderPlaced itself (a dual write) instead of writing it to the outbox.
import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';
import { type OrderEvent, orderCancelled, orderPlaced } from './events.ts';
import type { Cause, NewOrder } from './order.ts';

export interface CheckoutDeps {
  pool: pg.Pool;
  clock: Clock;
  /** Checkout has a producer too. Whether placeOrder should use it is the whole kata. */
  publisher: Publisher;
}

/** Stores the order and its OrderPlaced event together: both, or neither. */
export async function placeOrder(deps: CheckoutDeps, order: NewOrder, cause: Cause): Promise<{ eventId: string }> {
  const event = orderPlaced(order, cause, deps.clock.now());
  await inTransaction(deps.pool, async (client) => {
    await client.query(
      /* sql */ `INSERT INTO orders (order_id, customer_id, currency, total_cents, lines, placed_at)
                VALUES ($1, $2, $3, $4, $5, $6)`,
      [order.orderId, order.customerId, order.currency, event.data.totalCents, JSON.stringify(event.data.lines), event.occurredAt],
    );
  });
  // Straight to the broker after the commit: a dual write.
  await deps.publisher.send({ topic: 'orders', messages: [{ key: order.orderId, value: JSON.stringify(event) }] });
  return { eventId: event.id };
}

/** Cancels a placed order and records OrderCancelled; an unknown or cancelled order is refused. */
export async function cancelOrder(deps: CheckoutDeps, orderId: string, reason: string, cause: Cause): Promise<{ eventId: string }> {
  const event = orderCancelled(orderId, reason, cause, deps.clock.now());
  await inTransaction(deps.pool, async (client) => {
    const updated = await client.query(
      /* sql */ `UPDATE orders SET status = 'cancelled' WHERE order_id = $1 AND status = 'placed'`,
      [orderId],
    );
    if (updated.rowCount !== 1) throw new Error(`Order ${orderId} is not a placed order; nothing was cancelled.`);
    await appendToOutbox(client, orderId, event);
  });
  return { eventId: event.id };
}

async function appendToOutbox(client: pg.PoolClient, aggregateId: string, event: OrderEvent): Promise<void> {
  await client.query(
    /* sql */ `INSERT INTO outbox (event_id, aggregate_id, event_type, payload) VALUES ($1, $2, $3, $4)`,
    [event.id, aggregateId, event.type, JSON.stringify(event)],
  );
}

async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
