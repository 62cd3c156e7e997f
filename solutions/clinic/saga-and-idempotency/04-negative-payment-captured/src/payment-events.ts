/** A card payment the provider has captured: money has moved from the customer to the shop. */
export interface PaymentCaptured {
  type: 'PaymentCaptured';
  data: {
    paymentId: string;
    orderId: string;
    customerId: string;
    /** Integer cents, above zero. */
    amountCents: number;
  };
}

/**
 * Money given back on a captured payment: a fact of its own, never a capture with the sign
 * turned, so that whoever reacts to captures (the warehouse, the loyalty mailing) is not
 * told that a payment came in.
 */
export interface PaymentRefunded {
  type: 'PaymentRefunded';
  data: {
    /** The capture this refund gives money back on. */
    paymentId: string;
    orderId: string;
    customerId: string;
    /** Integer cents, above zero, at most what is left of the capture. */
    amountCents: number;
  };
}

/** Every fact the payments stream holds. */
export type PaymentEvent = PaymentCaptured | PaymentRefunded;

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
