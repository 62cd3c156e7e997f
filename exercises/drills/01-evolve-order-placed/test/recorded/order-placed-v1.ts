import type { EventMeta } from '../../src/event-meta.ts';
import type { OrderPlacedEvent } from '../../src/order-placed-v2.ts';
import type { PlacedOrder } from '../../src/placed-order.ts';

/**
 * Checkout's producer of revision 1, as it ran before delivery options existed. Recorded:
 * the tests use it to make the v1 events of an order, to compare v1 consumers' results.
 */
export function orderPlacedV1(order: PlacedOrder, meta: EventMeta): OrderPlacedEvent {
  const lines = order.lines.map(({ sku, quantity, unitPriceCents }) => ({ sku, quantity, unitPriceCents }));
  return {
    id: meta.eventId,
    type: 'OrderPlaced',
    version: 1,
    source: 'checkout',
    occurredAt: order.placedAt.toISOString(),
    correlationId: meta.correlationId,
    causationId: meta.commandId,
    data: {
      orderId: order.orderId,
      customerId: order.customerId,
      lines,
      totalCents: lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
      currency: order.currency,
    },
  };
}
