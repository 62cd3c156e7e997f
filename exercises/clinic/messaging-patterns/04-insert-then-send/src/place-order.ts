import type { CheckoutDeps } from './checkout-api.ts';
import { type NewOrder, type OrderPlaced, orderPlaced } from './order-placed.ts';

/**
 * Stores the order, then tells the rest of the shop about it. The INSERT is one statement,
 * so it commits on its own, and the producer waits for the broker's acknowledgement, so
 * when this returns both have happened.
 */
export async function placeOrder(deps: CheckoutDeps, order: NewOrder): Promise<OrderPlaced> {
  const event = orderPlaced(order, deps.clock.now());
  await deps.pool.query(
    /* sql */ `INSERT INTO orders (order_id, customer_id, total_cents, placed_at) VALUES ($1, $2, $3, $4)`,
    [order.orderId, order.customerId, order.totalCents, event.occurredAt],
  );
  await deps.publisher.send({
    topic: deps.topic,
    messages: [{ key: order.orderId, value: JSON.stringify(event), headers: { 'event-id': event.id, 'event-type': event.type } }],
  });
  return event;
}
