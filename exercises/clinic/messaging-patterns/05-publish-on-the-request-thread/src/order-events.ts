import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';

/** Checkout took an order; stock, email and loyalty act on it. */
export type OrderPlaced = EventEnvelope<'OrderPlaced', { orderId: string; customerId: string; totalCents: number }>;
