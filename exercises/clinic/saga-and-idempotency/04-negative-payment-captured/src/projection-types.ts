import type { StoredEvent } from './payment-events.ts';

/** The daily finance report. */
export interface PaymentsReport {
  /** How many payments were captured. */
  capturedPayments: number;
  /** All the money ever captured, in cents. */
  capturedCents: number;
  /** All the money given back, in cents. */
  refundedCents: number;
  /** What the shop keeps: captured less refunded. */
  netCents: number;
}

export interface PaymentView {
  paymentId: string;
  orderId: string;
  customerId: string;
  capturedCents: number;
  refundedCents: number;
  status: 'captured' | 'partly refunded' | 'refunded';
}

export interface PaymentsProjection {
  /** Folds one event from the payments stream; events come in position order, at least once. */
  apply(event: StoredEvent): Promise<void>;
  report(): Promise<PaymentsReport>;
  payment(paymentId: string): Promise<PaymentView | undefined>;
  /** Customers the shop still holds money from, sorted: who gets the loyalty mailing. */
  customersWhoPaid(): Promise<string[]>;
}
