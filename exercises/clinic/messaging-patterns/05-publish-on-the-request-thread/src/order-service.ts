import { randomUUID } from 'node:crypto';
import { BadRequest, readOrderRequest, reply } from './http-json.ts';
import type { OrderPlaced } from './order-events.ts';
import type { OrderService, OrderServiceDeps } from './order-service-api.ts';
import { createOutboxRelay } from './outbox-relay.ts';

/**
 * Stores the order, publishes OrderPlaced on the same request, and answers: the customer's
 * confirmation page appears the moment stock and email have been told, so it feels fast.
 */
export function createOrderService({ pool, publisher, clock, topic }: OrderServiceDeps): OrderService {
  const relay = createOutboxRelay({ pool, publisher, clock, topic });
  return {
    async handle(request, response) {
      try {
        const order = await readOrderRequest(request);
        const orderId = randomUUID();
        const placedAt = clock.now();
        await pool.query(
          /* sql */ `INSERT INTO orders (order_id, customer_id, total_cents, placed_at) VALUES ($1, $2, $3, $4)`,
          [orderId, order.customerId, order.totalCents, placedAt],
        );
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
        await publisher.send({
          topic,
          messages: [{ key: orderId, value: JSON.stringify(event), headers: { 'event-id': event.id, 'event-type': event.type } }],
        });
        reply(response, 201, { orderId });
      } catch (error) {
        if (error instanceof BadRequest) return reply(response, 400, { error: error.message });
        reply(response, 500, { error: `The order could not be placed: ${(error as Error).message}` });
      }
    },
    // Orders never go through the outbox: they are published on their request.
    publishPending: () => relay.runOnce(),
  };
}
