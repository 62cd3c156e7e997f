import { randomUUID } from 'node:crypto';
import { BadRequest, readOrderRequest, reply } from './http-json.ts';
import type { OrderPlaced } from './order-events.ts';
import type { OrderService, OrderServiceDeps } from './order-service-api.ts';
import { createOutboxRelay } from './outbox-relay.ts';

/**
 * The order row holds its own OrderPlaced: one INSERT stores both, and the answer follows
 * it. The background publisher sends the orders not yet published, then the outbox's rows.
 */
export function createOrderService({ pool, publisher, clock, topic }: OrderServiceDeps): OrderService {
  const relay = createOutboxRelay({ pool, publisher, clock, topic });

  async function publishOrders(): Promise<number> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ order_id: string; event: OrderPlaced }>(
        /* sql */ `SELECT order_id::text, event FROM orders WHERE published_at IS NULL
                   ORDER BY placed_at LIMIT 50 FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length > 0) {
        await publisher.send({
          topic,
          messages: rows.map(({ order_id, event }) => ({
            key: order_id,
            value: JSON.stringify(event),
            headers: { 'event-id': event.id, 'event-type': event.type },
          })),
        });
        await client.query(/* sql */ `UPDATE orders SET published_at = $2 WHERE order_id = ANY($1::uuid[])`, [rows.map((r) => r.order_id), clock.now()]);
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    async handle(request, response) {
      let order;
      try {
        order = await readOrderRequest(request);
      } catch (error) {
        if (error instanceof BadRequest) return reply(response, 400, { error: error.message });
        return reply(response, 500, { error: `The order could not be read: ${(error as Error).message}` });
      }
      const orderId = randomUUID();
      const placedAt = clock.now();
      const event: OrderPlaced = {
        id: randomUUID(),
        type: 'OrderPlaced',
        version: 1,
        source: 'checkout',
        occurredAt: placedAt.toISOString(),
        correlationId: orderId,
        causationId: orderId,
        data: { orderId, customerId: order.customerId, totalCents: order.totalCents },
      };
      try {
        await pool.query(
          /* sql */ `INSERT INTO orders (order_id, customer_id, total_cents, placed_at, event) VALUES ($1, $2, $3, $4, $5)`,
          [orderId, order.customerId, order.totalCents, placedAt, event],
        );
      } catch (error) {
        return reply(response, 500, { error: `The order could not be placed: ${(error as Error).message}` });
      }
      reply(response, 201, { orderId });
    },
    async publishPending() {
      return (await publishOrders()) + (await relay.runOnce());
    },
  };
}
