import type pg from 'pg';
import type { PaymentsProjection } from './projection-types.ts';

export type { PaymentsProjection, PaymentsReport, PaymentView } from './projection-types.ts';

interface ViewRow {
  payment_id: string;
  order_id: string;
  customer_id: string;
  captured_cents: string;
}

export function createPaymentsProjection({ pool }: { pool: pg.Pool }): PaymentsProjection {
  return {
    async apply(event) {
      if (event.type !== 'PaymentCaptured') return;
      const data = event.data as { paymentId: string; orderId: string; customerId: string; amountCents: number };
      await pool.query(
        /* sql */ `INSERT INTO payment_views (payment_id, order_id, customer_id, captured_cents) VALUES ($1, $2, $3, $4)
                   ON CONFLICT (payment_id) DO UPDATE SET captured_cents = payment_views.captured_cents + EXCLUDED.captured_cents`,
        [data.paymentId, data.orderId, data.customerId, data.amountCents],
      );
      await pool.query(/* sql */ `UPDATE payment_totals SET captures = captures + 1`);
    },

    async report() {
      const { rows } = await pool.query<{ captures: string; cents: string }>(
        /* sql */ `SELECT (SELECT captures FROM payment_totals)::text AS captures,
                          coalesce(sum(captured_cents), 0)::text AS cents FROM payment_views`,
      );
      const cents = Number(rows[0]!.cents);
      return { capturedPayments: Number(rows[0]!.captures), capturedCents: cents, refundedCents: 0, netCents: cents };
    },

    async payment(paymentId) {
      const { rows } = await pool.query<ViewRow>(/* sql */ `SELECT * FROM payment_views WHERE payment_id = $1`, [paymentId]);
      const row = rows[0];
      if (!row) return undefined;
      return {
        paymentId: row.payment_id,
        orderId: row.order_id,
        customerId: row.customer_id,
        capturedCents: Number(row.captured_cents),
        refundedCents: 0,
        status: 'captured',
      };
    },

    async customersWhoPaid() {
      const { rows } = await pool.query<{ customer_id: string }>(
        /* sql */ `SELECT DISTINCT customer_id FROM payment_views ORDER BY customer_id`,
      );
      return rows.map((row) => row.customer_id);
    },
  };
}
