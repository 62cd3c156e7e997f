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

export async function placeOrder(deps: CheckoutDeps, order: NewOrder, cause: Cause): Promise<{ eventId: string }> {
  const event = orderPlaced(order, cause, deps.clock.now());
  await transaction(deps.pool, async (client) => {
    await client.query(
      /* sql */ `INSERT INTO orders (id, customer, currency, total_minor, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [order.orderId, order.customerId, order.currency, event.data.totalCents, event.occurredAt],
    );
    for (const [position, line] of order.lines.entries()) {
      await client.query(
        /* sql */ `INSERT INTO order_lines (order_id, position, sku, quantity, unit_minor) VALUES ($1, $2, $3, $4, $5)`,
        [order.orderId, position, line.sku, line.quantity, line.unitPriceCents],
      );
    }
    await record(client, order.orderId, event);
  });
  return { eventId: event.id };
}

export async function cancelOrder(deps: CheckoutDeps, orderId: string, reason: string, cause: Cause): Promise<{ eventId: string }> {
  const event = orderCancelled(orderId, reason, cause, deps.clock.now());
  await transaction(deps.pool, async (client) => {
    const { rows } = await client.query(
      /* sql */ `UPDATE orders SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL RETURNING id`,
      [orderId, event.occurredAt],
    );
    if (rows.length === 0) throw new Error(`No open order ${orderId} to cancel.`);
    await record(client, orderId, event);
  });
  return { eventId: event.id };
}

function record(client: pg.PoolClient, key: string, event: OrderEvent) {
  return client.query(/* sql */ `INSERT INTO outbox (event_id, message_key, envelope) VALUES ($1, $2, $3)`, [
    event.id,
    key,
    event,
  ]);
}

async function transaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
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
