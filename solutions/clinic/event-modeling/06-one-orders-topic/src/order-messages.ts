import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';

/**
 * The facts the `orders` topic carries, and nothing else: things that happened to an order,
 * named in the past tense, each one specific. A lookup is not a fact (nothing happened), and
 * a request to do something is a command for its one owner: neither belongs on a topic that
 * every consumer of orders reads.
 */
export type OrderFactType = 'OrderPlaced' | 'OrderShippingAddressCorrected' | 'OrderWithdrawn';

/** A fact in the course envelope. The order id names the order, and keys the record. */
export function orderFact(type: OrderFactType, orderId: string, data: Record<string, unknown>, occurredAt: Date): EventEnvelope<OrderFactType> {
  return { id: randomUUID(), type, version: 1, source: 'orders', occurredAt: occurredAt.toISOString(), correlationId: orderId, causationId: orderId, data: { orderId, ...data } };
}
