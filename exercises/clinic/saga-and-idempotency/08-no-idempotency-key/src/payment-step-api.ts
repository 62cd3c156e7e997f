import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { PaymentProvider } from './payment-provider.ts';

/** What the payments service hands its payment step. */
export interface PaymentStepDeps {
  pool: pg.Pool;
  provider: PaymentProvider;
  clock: Clock;
}

/** What the checkout saga asks the payment step to do for an order. */
export interface PaymentRequest {
  orderId: string;
  amountCents: number;
  card: string;
}

/** The step as the saga and the tests call it; keep this shape when you repair it. */
export interface PaymentStep {
  /**
   * Charges the order's card and records the charge. Answers `paid` or `declined`; throws
   * when the provider gave no answer, so the saga can run the step again later.
   */
  pay(request: PaymentRequest): Promise<'paid' | 'declined'>;
}

/** How many times one payment asks the provider before giving up for now. */
export const attemptsPerPayment = 3;
