import { hour, minute, second } from '#graders/testkit/sagas/workflow.ts';
import type { RetryPolicy } from './retry-policy.ts';

/**
 * Timeouts sit well above each service's usual answer time; three attempts ride out a lost
 * command or reply; the worst case (every attempt timing out) is 18 s, inside the minute.
 * A bounced receipt waits half a second, then one, then two: the mailbox gets time to clear.
 */
export function checkoutPolicy(): RetryPolicy {
  return {
    ReserveStock: { timeoutMs: 1 * second, attempts: 3 },
    ChargeCard: { timeoutMs: 2 * second, attempts: 3 },
    CreateShipment: { timeoutMs: 1 * second, attempts: 3 },
    UpdateLoyaltyPoints: { timeoutMs: 1 * second, attempts: 3, backoffMs: 500 },
    SendReceiptEmail: { timeoutMs: 1 * second, attempts: 3, backoffMs: 500 },
  };
}

/** The gateway answers in about 2 s and loses replies: wait 4 s, and ask up to three times. */
export function regulatedCheckoutPolicy(): RetryPolicy {
  return { ...checkoutPolicy(), ChargeCard: { timeoutMs: 4 * second, attempts: 3 } };
}

/** Hours-long steps get hours-long timeouts and few attempts; the worst case is 16.5 h of 24. */
export function tenantOnboardingPolicy(): RetryPolicy {
  return {
    CreateTenantAccount: { timeoutMs: 10 * minute, attempts: 3 },
    ProvisionDatabase: { timeoutMs: 3 * hour, attempts: 2 },
    ConfigureSingleSignOn: { timeoutMs: 30 * minute, attempts: 3 },
    ImportCustomerData: { timeoutMs: 4 * hour, attempts: 2 },
    SendWelcomeEmail: { timeoutMs: 10 * minute, attempts: 3, backoffMs: 5 * minute },
  };
}
