import type { RetryPolicy } from './retry-policy.ts';

/**
 * Checkout: a timeout and attempts for each of the five steps (see each step's durationMs),
 * and a first back-off for the retriable ones (UpdateLoyaltyPoints, SendReceiptEmail).
 */
export function checkoutPolicy(): RetryPolicy {
  throw new Error('TODO: give ReserveStock, ChargeCard, CreateShipment, UpdateLoyaltyPoints and SendReceiptEmail a { timeoutMs, attempts }.');
}

/** Variant regulated-payments: the gateway takes 2 s and can lose two replies in a row. */
export function regulatedCheckoutPolicy(): RetryPolicy {
  throw new Error('TODO: size the ChargeCard policy for the regulated gateway (variant regulated-payments).');
}

/** Variant tenant-onboarding: steps take minutes to hours; the whole saga has 24 hours. */
export function tenantOnboardingPolicy(): RetryPolicy {
  throw new Error('TODO: size timeouts in hours for the onboarding steps (variant tenant-onboarding).');
}
