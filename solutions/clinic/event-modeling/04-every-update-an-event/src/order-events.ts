import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';

/**
 * The facts the orders service publishes, in the words of the contract shipping and refunds
 * signed. They are built from an order as the domain sees it, never from a row: the table
 * can change its layout without any consumer noticing.
 */
export const orderFacts = {
  orderPlaced: (order: { orderId: string; customerId: string; shippingAddress: string }) =>
    ({ type: 'OrderPlaced', orderId: order.orderId, data: { orderId: order.orderId, customerId: order.customerId, shippingAddress: order.shippingAddress } }),
  shippingAddressCorrected: (orderId: string, shippingAddress: string) =>
    ({ type: 'OrderShippingAddressCorrected', orderId, data: { orderId, shippingAddress } }),
  orderCancelled: (orderId: string, reason: string) => ({ type: 'OrderCancelled', orderId, data: { orderId, reason } }),
};

export type OrderFact = ReturnType<(typeof orderFacts)[keyof typeof orderFacts]>;

/** The course envelope around a fact. */
export function envelope({ type, orderId, data }: OrderFact, occurredAt: Date): EventEnvelope {
  return { id: randomUUID(), type, version: 1, source: 'orders', occurredAt: occurredAt.toISOString(), correlationId: orderId, causationId: orderId, data };
}
