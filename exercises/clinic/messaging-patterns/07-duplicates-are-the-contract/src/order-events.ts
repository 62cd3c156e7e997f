import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';

/** Checkout took an order; the customer earns points on its total. */
export type OrderPlaced = EventEnvelope<'OrderPlaced', { orderId: string; customerId: string; totalCents: number }>;

/** The customer added lines to an order already placed; they earn points on what was added. */
export type OrderAmended = EventEnvelope<'OrderAmended', { orderId: string; customerId: string; addedCents: number }>;

/** Every event checkout's relay puts on the `orders` topic. */
export type OrderEvent = OrderPlaced | OrderAmended;
