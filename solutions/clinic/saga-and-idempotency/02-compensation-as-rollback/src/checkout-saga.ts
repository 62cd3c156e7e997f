import type { CheckoutSaga, CheckoutSagaDeps, PaymentRecord } from './checkout-types.ts';

export type { CheckoutSaga, CheckoutSagaDeps, Order, PaymentRecord } from './checkout-types.ts';

interface HistoryRow {
  payment_id: string;
  kind: PaymentRecord['kind'];
  amount_cents: string;
}

/** Thrown when the provider refuses a refund: the order is not compensated yet, and a person or a later delivery must see that. */
export class RefundRefused extends Error {}

/**
 * The captured money lives at the provider, so compensating the payment step is a refund
 * there, recorded as a new fact after the capture. The refund's idempotency key is derived
 * from the payment, so every delivery of the failure asks for the same refund and the
 * provider carries it out once, even when an earlier answer was lost.
 */
export function createCheckoutSaga({ pool, provider, clock }: CheckoutSagaDeps): CheckoutSaga {
  const record = (orderId: string, paymentId: string, kind: PaymentRecord['kind'], amountCents: number) =>
    pool.query(
      /* sql */ `INSERT INTO payment_history (order_id, payment_id, kind, amount_cents, recorded_at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT DO NOTHING`,
      [orderId, paymentId, kind, amountCents, clock.now()],
    );

  const history = async (orderId: string) =>
    (await pool.query<HistoryRow>(
      /* sql */ `SELECT payment_id, kind, amount_cents FROM payment_history WHERE order_id = $1 ORDER BY id`,
      [orderId],
    )).rows;

  return {
    async capturePayment({ orderId, amountCents }) {
      await pool.query(/* sql */ `INSERT INTO orders (order_id, amount_cents) VALUES ($1, $2)`, [orderId, amountCents]);
      const result = await provider.capture({ orderId, amountCents, idempotencyKey: `capture:${orderId}` });
      if (result.status === 'captured') await record(orderId, result.paymentId, 'PaymentCaptured', result.capturedCents);
      else await record(orderId, result.paymentId, 'PaymentDeclined', 0);
      return result.status;
    },

    async onShippingFailed(orderId) {
      const rows = await history(orderId);
      const captured = rows.find((row) => row.kind === 'PaymentCaptured');
      // Nothing was taken (declined, or never asked for): there is nothing to give back.
      if (!captured) return;
      if (rows.some((row) => row.kind === 'PaymentRefunded' && row.payment_id === captured.payment_id)) return;
      // Refund what the provider captured, which can be less than the order's total.
      const amountCents = Number(captured.amount_cents);
      const result = await provider.refund({ paymentId: captured.payment_id, amountCents, idempotencyKey: `refund:${captured.payment_id}` });
      if (result.status === 'refused') {
        throw new RefundRefused(`The provider refused to refund payment ${captured.payment_id} of order ${orderId} (${result.reason}); the order is not compensated yet.`);
      }
      await record(orderId, captured.payment_id, 'PaymentRefunded', amountCents);
    },

    async paymentHistory(orderId) {
      return (await history(orderId)).map((row) => ({ kind: row.kind, amountCents: Number(row.amount_cents) }));
    },
  };
}
