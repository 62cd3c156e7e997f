import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { PaymentCaptured } from './payment-events.ts';

export interface PaymentLedgerDeps {
  pool: pg.Pool;
  clock: Clock;
}

export interface PaymentLedger {
  /** Records a capture the provider has confirmed. */
  recordCapture(capture: PaymentCaptured['data']): Promise<void>;
  /**
   * The checkout saga's compensation for a captured payment, once the provider has refunded
   * `amountCents` of it. Rejects a refund the ledger cannot honour, and then appends nothing.
   */
  recordRefund(refund: { paymentId: string; amountCents: number }): Promise<void>;
}
