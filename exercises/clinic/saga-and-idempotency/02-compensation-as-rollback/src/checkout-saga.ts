import type { CheckoutSaga, CheckoutSagaDeps } from './checkout-types.ts';

export type { CheckoutSaga, CheckoutSagaDeps, Order, PaymentRecord } from './checkout-types.ts';

const kindOf = { captured: 'PaymentCaptured', declined: 'PaymentDeclined' } as const;

export function createCheckoutSaga({ pool, provider, clock }: CheckoutSagaDeps): CheckoutSaga {
  return {
    async capturePayment({ orderId, amountCents }) {
      await pool.query(/* sql */ `INSERT INTO orders (order_id, amount_cents) VALUES ($1, $2)`, [orderId, amountCents]);
      const result = await provider.capture({ orderId, amountCents, idempotencyKey: `capture:${orderId}` });
      await pool.query(
        /* sql */ `INSERT INTO payments (order_id, payment_id, status, amount_cents, recorded_at) VALUES ($1, $2, $3, $4, $5)`,
        [orderId, result.paymentId, result.status, result.status === 'captured' ? result.capturedCents : 0, clock.now()],
      );
      return result.status;
    },

    async onShippingFailed(orderId) {
      // The payment step wrote one row in one transaction; compensating the step rolls that
      // transaction back, so the order looks as if it had never been paid.
      await pool.query(/* sql */ `DELETE FROM payments WHERE order_id = $1 AND status = 'captured'`, [orderId]);
    },

    async paymentHistory(orderId) {
      const { rows } = await pool.query<{ status: 'captured' | 'declined'; amount_cents: string }>(
        /* sql */ `SELECT status, amount_cents FROM payments WHERE order_id = $1 ORDER BY id`,
        [orderId],
      );
      return rows.map((row) => ({ kind: kindOf[row.status], amountCents: Number(row.amount_cents) }));
    },
  };
}
