import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { PaymentProvider } from './payment-provider.ts';

export interface CheckoutSagaDeps {
  pool: pg.Pool;
  provider: PaymentProvider;
  clock: Clock;
}

export interface Order {
  orderId: string;
  /** What the customer is asked to pay, in cents. */
  amountCents: number;
}

/** One fact of an order's payment, as the finance team reads it. */
export interface PaymentRecord {
  kind: 'PaymentCaptured' | 'PaymentDeclined' | 'PaymentRefunded';
  amountCents: number;
}

export interface CheckoutSaga {
  /** The checkout's payment step: captures the order's payment at the provider and records it. */
  capturePayment(order: Order): Promise<'captured' | 'declined'>;
  /**
   * Handles the warehouse's ShippingReservationFailed for an order, delivered at least once:
   * the order will not ship, so the payment step is compensated. Rejects when it could not
   * compensate, so that the event is delivered again.
   */
  onShippingFailed(orderId: string): Promise<void>;
  /** The order's payment history, oldest first. */
  paymentHistory(orderId: string): Promise<PaymentRecord[]>;
}
