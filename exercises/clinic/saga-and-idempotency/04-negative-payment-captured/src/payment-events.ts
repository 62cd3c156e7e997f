/** A card payment the provider has captured: money has moved from the customer to the shop. */
export interface PaymentCaptured {
  type: 'PaymentCaptured';
  data: {
    paymentId: string;
    orderId: string;
    customerId: string;
    /** Integer cents. */
    amountCents: number;
  };
}

/** Every fact the payments stream holds. */
export type PaymentEvent = PaymentCaptured;

/**
 * An event as `payment_events` stores it and every consumer receives it: its position in
 * the log (consumers read in that order), its own id (the same on every delivery of it),
 * its stream (the order) and when it was recorded.
 */
export type StoredEvent = {
  position: number;
  eventId: string;
  streamId: string;
  recordedAt: string;
  type: string;
  data: Record<string, unknown>;
};
