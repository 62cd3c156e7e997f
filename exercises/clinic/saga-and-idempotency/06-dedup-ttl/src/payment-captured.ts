/** What the payments service publishes when a card payment has been captured. */
export interface PaymentCaptured {
  /** The event's own id: every delivery of this occurrence carries the same one. */
  id: string;
  type: 'PaymentCaptured';
  occurredAt: string;
  data: {
    paymentId: string;
    /** The wallet the captured money is credited to. */
    accountId: string;
    /** Integer cents, above zero. */
    amountCents: number;
  };
}
