import { randomUUID } from 'node:crypto';
import { BadRequest, readOrderRequest, reply } from './http-json.ts';
import type { OrderPlaced } from './order-events.ts';
import type { OrderService, OrderServiceDeps } from './order-service-api.ts';
import { createOutboxRelay } from './outbox-relay.ts';

/**
 * The request does only what the customer is waiting for: the order and its OrderPlaced go
 * into the database in one transaction, and the answer follows the commit. Telling stock and
 * email is the relay's job, in the background: a slow or absent broker delays the event,
 * never the customer, and the event cannot be lost because it was committed with the order.
 */
export function createOrderService({ pool, publisher, clock, topic }: OrderServiceDeps): OrderService {
  const relay = createOutboxRelay({ pool, publisher, clock, topic });
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
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          /* sql */ `INSERT INTO orders (order_id, customer_id, total_cents, placed_at) VALUES ($1, $2, $3, $4)`,
          [orderId, order.customerId, order.totalCents, placedAt],
        );
        await client.query(
          /* sql */ `INSERT INTO outbox (event_id, aggregate_id, event_type, payload) VALUES ($1, $2, $3, $4)`,
          [event.id, orderId, event.type, event],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        return reply(response, 500, { error: `The order could not be placed: ${(error as Error).message}` });
      } finally {
        client.release();
      }
      reply(response, 201, { orderId });
    },
    publishPending: () => relay.runOnce(),
  };
}
