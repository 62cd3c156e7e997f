/**
 * The card payment provider, an external service with its own ledger. What it has captured
 * stays captured until it is asked for a refund: nothing in our database can undo it.
 *
 * Like real payment APIs it honours idempotency keys: a request sent again with the key of
 * one it has already carried out is not carried out again, and gets the first answer back.
 */
export interface PaymentProvider {
  /** Captures up to `amountCents`; it may capture less (a partial capture) and says how much. */
  capture(request: { orderId: string; amountCents: number; idempotencyKey: string }): Promise<CaptureResult>;
  /** Refunds `amountCents` of a captured payment, or refuses and says why. */
  refund(request: { paymentId: string; amountCents: number; idempotencyKey: string }): Promise<RefundResult>;
}

export type CaptureResult =
  | { status: 'captured'; paymentId: string; capturedCents: number }
  | { status: 'declined'; paymentId: string };

export type RefundResult =
  | { status: 'refunded'; refundId: string }
  | { status: 'refused'; reason: string };
