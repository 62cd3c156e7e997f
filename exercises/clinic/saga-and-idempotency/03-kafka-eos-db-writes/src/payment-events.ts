/** The facts this service reads and writes, as JSON message values. */
export interface PaymentCaptured {
  type: 'PaymentCaptured';
  /** Unique per event: a producer's retry of the same event keeps it. */
  eventId: string;
  /** Unique per capture at the payment provider. */
  paymentId: string;
  /** An order can be paid in several captures (a split payment, a later top-up). */
  orderId: string;
  amountCents: number;
}

export interface LedgerCredited {
  type: 'LedgerCredited';
  paymentId: string;
  orderId: string;
  amountCents: number;
  /** The eventId of the PaymentCaptured this credit is for. */
  creditedFor: string;
}

export function parsePaymentCaptured(value: Buffer | null): PaymentCaptured {
  const event = JSON.parse(value?.toString() ?? 'null') as Partial<PaymentCaptured> | null;
  if (event?.type !== 'PaymentCaptured' || !event.eventId || !event.paymentId || !event.orderId || !Number.isInteger(event.amountCents)) {
    throw new Error(`Not a PaymentCaptured event: ${value?.toString() ?? 'null'}`);
  }
  return event as PaymentCaptured;
}

export function ledgerCreditedFor(payment: PaymentCaptured): LedgerCredited {
  const { paymentId, orderId, amountCents, eventId } = payment;
  return { type: 'LedgerCredited', paymentId, orderId, amountCents, creditedFor: eventId };
}

/** Where a PaymentCaptured was read from: its topic, partition and offset. */
export interface SourceRecord {
  topic: string;
  partition: number;
  offset: string;
}
