import type { EventEnvelope } from '#graders/testkit/contracts/event-envelope.ts';

/** An order as checkout hands it to the publisher. */
export interface PlacedOrder {
  orderId: string;
  totalCents: number;
}

/** One event of the orders topic, in the course envelope, as published and as read back. */
export type OrderEvent = EventEnvelope<string, Record<string, unknown>>;
