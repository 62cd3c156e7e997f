import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';
import type { Cause } from '../cause.ts';
import type { PlacedOrder } from './placed-order.ts';

/** Replace with the shape of your payload: the fields consumers need, nothing more. */
export type OrderPlacedData = Record<string, unknown>;

export type OrderPlaced = EventEnvelope<'OrderPlaced', OrderPlacedData>;

/** The fact that a customer placed an order, ready for the outbox. */
export function orderPlaced(order: PlacedOrder, cause: Cause): OrderPlaced {
  throw new Error(
    'TODO: build the OrderPlaced event: envelope (id, type, version, source, occurredAt from order.placedAt, ' +
      'correlationId, causationId from cause) and data; see README "What to produce".',
  );
}
