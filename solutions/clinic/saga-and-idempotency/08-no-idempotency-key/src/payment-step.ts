import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { type Charge, ProviderTimeout } from './payment-provider.ts';
import { attemptsPerPayment, type PaymentRequest, type PaymentStep, type PaymentStepDeps } from './payment-step-api.ts';

/**
 * A timeout does not say whether the provider charged, so every call for one payment, a
 * retry or a run after a restart, carries the same idempotency key and the provider answers
 * a repeat with the first result. The key is stored before the first call, so a restart
 * finds it; a declined payment is finished, and paying again makes a new key.
 */
export function createPaymentStep({ pool, provider, clock }: PaymentStepDeps): PaymentStep {
  return {
    async pay({ orderId, amountCents, card }) {
      const key = await idempotencyKeyFor(pool, { orderId, amountCents, card }, clock.now());
      for (let attempt = 1; attempt <= attemptsPerPayment; attempt++) {
        let charge: Charge;
        try {
          charge = await provider.createCharge({ amountCents, currency: 'EUR', card, metadata: { orderId } }, { idempotencyKey: key });
        } catch (error) {
          // Any other error, a refused reuse of the key among them, is not an answer about money.
          if (error instanceof ProviderTimeout) continue;
          throw error;
        }
        await settle(pool, key, orderId, charge, clock.now());
        return charge.status === 'succeeded' ? 'paid' : 'declined';
      }
      throw new Error(`No answer from the payment provider for order ${orderId} after ${attemptsPerPayment} attempts; run the step again later.`);
    },
  };
}

/** The key of this payment's open or succeeded attempt, or a new attempt's key, stored before any call. */
async function idempotencyKeyFor(pool: pg.Pool, { orderId, amountCents, card }: PaymentRequest, now: Date): Promise<string> {
  const { rows } = await pool.query<{ idempotency_key: string }>(
    /* sql */ `SELECT idempotency_key FROM payment_attempts
               WHERE order_id = $1 AND amount_cents = $2 AND card = $3 AND status <> 'declined'
               ORDER BY created_at DESC LIMIT 1`,
    [orderId, amountCents, card],
  );
  if (rows[0]) return rows[0].idempotency_key;
  const key = randomUUID();
  await pool.query(
    /* sql */ `INSERT INTO payment_attempts (idempotency_key, order_id, amount_cents, card, status, created_at) VALUES ($1, $2, $3, $4, 'pending', $5)`,
    [key, orderId, amountCents, card, now],
  );
  return key;
}

/** Stores the provider's answer: the attempt's outcome and, for a charge, the payment finance sees. */
async function settle(pool: pg.Pool, key: string, orderId: string, charge: Charge, now: Date): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(/* sql */ `UPDATE payment_attempts SET status = $2 WHERE idempotency_key = $1`, [key, charge.status]);
    if (charge.status === 'succeeded') {
      // A replayed answer carries the same charge id: it is recorded once.
      await client.query(
        /* sql */ `INSERT INTO payments (charge_id, order_id, amount_cents, paid_at) VALUES ($1, $2, $3, $4) ON CONFLICT (charge_id) DO NOTHING`,
        [charge.id, orderId, charge.amountCents, now],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
