import type { EventMeta } from './event-meta.ts';
import type { PlacedOrder } from './placed-order.ts';

/** An OrderPlaced event as checkout publishes it from now on. */
export interface OrderPlacedEvent {
  id: string;
  type: 'OrderPlaced';
  version: number;
  source: string;
  occurredAt: string;
  correlationId: string;
  causationId: string;
  data: Record<string, unknown>;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');
/** The UTC calendar date of a moment, YYYY-MM-DD. */
const utcDate = (at: Date) => `${at.getUTCFullYear()}-${twoDigits(at.getUTCMonth() + 1)}-${twoDigits(at.getUTCDate())}`;

/**
 * The OrderPlaced event of revision 2: everything v1 consumers read, as they read it, and
 * the delivery that shipping asked for (see README.md).
 */
export function orderPlacedV2(order: PlacedOrder, meta: EventMeta): OrderPlacedEvent {
  const lines = order.lines.map(({ sku, quantity, unitPriceCents }) => ({ sku, quantity, unitPriceCents }));
  return {
    id: meta.eventId,
    type: 'OrderPlaced',
    // Still 1: nothing a v1 consumer relies on changed, and consumers route on the version.
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
      // Added, never required of readers: v1 events in the log have no delivery.
      delivery: { method: order.delivery.method, promisedBy: utcDate(order.delivery.promisedBy) },
    },
  };
}
