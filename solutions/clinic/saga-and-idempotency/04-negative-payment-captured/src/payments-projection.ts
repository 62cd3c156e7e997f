import type pg from 'pg';
import type { PaymentEvent, StoredEvent } from './payment-events.ts';
import type { PaymentsProjection, PaymentView } from './projection-types.ts';
import { inTransaction } from './transaction.ts';

export type { PaymentsProjection, PaymentsReport, PaymentView } from './projection-types.ts';

interface ViewRow {
  payment_id: string;
  order_id: string;
  customer_id: string;
  captured_cents: string;
  refunded_cents: string;
}

const statusOf = (captured: number, refunded: number): PaymentView['status'] =>
  refunded === 0 ? 'captured' : refunded < captured ? 'partly refunded' : 'refunded';

/** How each fact changes the read model: a capture opens a payment, a refund adds to what was given back. */
async function fold(client: pg.PoolClient, event: PaymentEvent): Promise<void> {
  if (event.type === 'PaymentCaptured') {
    const { paymentId, orderId, customerId, amountCents } = event.data;
    await client.query(
      /* sql */ `INSERT INTO payment_views (payment_id, order_id, customer_id, captured_cents) VALUES ($1, $2, $3, $4)`,
      [paymentId, orderId, customerId, amountCents],
    );
  } else {
    await client.query(
      /* sql */ `UPDATE payment_views SET refunded_cents = refunded_cents + $2 WHERE payment_id = $1`,
      [event.data.paymentId, event.data.amountCents],
    );
  }
}

export function createPaymentsProjection({ pool }: { pool: pg.Pool }): PaymentsProjection {
  return {
    async apply(event) {
      if (event.type !== 'PaymentCaptured' && event.type !== 'PaymentRefunded') return;
      await inTransaction(pool, async (client) => {
        // The event's id is recorded with its effect, so a redelivery finds it and changes nothing.
        const first = await client.query(
          /* sql */ `INSERT INTO projected_events (event_id) VALUES ($1) ON CONFLICT (event_id) DO NOTHING`,
          [event.eventId],
        );
        if (first.rowCount === 1) await fold(client, event as StoredEvent & PaymentEvent);
      });
    },

    async report() {
      const { rows } = await pool.query<{ payments: string; captured: string; refunded: string }>(
        /* sql */ `SELECT count(*)::text AS payments, coalesce(sum(captured_cents), 0)::text AS captured,
                          coalesce(sum(refunded_cents), 0)::text AS refunded FROM payment_views`,
      );
      const captured = Number(rows[0]!.captured);
      const refunded = Number(rows[0]!.refunded);
      return { capturedPayments: Number(rows[0]!.payments), capturedCents: captured, refundedCents: refunded, netCents: captured - refunded };
    },

    async payment(paymentId) {
      const { rows } = await pool.query<ViewRow>(/* sql */ `SELECT * FROM payment_views WHERE payment_id = $1`, [paymentId]);
      const row = rows[0];
      if (!row) return undefined;
      const capturedCents = Number(row.captured_cents);
      const refundedCents = Number(row.refunded_cents);
      return {
        paymentId: row.payment_id,
        orderId: row.order_id,
        customerId: row.customer_id,
        capturedCents,
        refundedCents,
        status: statusOf(capturedCents, refundedCents),
      };
    },

    async customersWhoPaid() {
      const { rows } = await pool.query<{ customer_id: string }>(
        /* sql */ `SELECT DISTINCT customer_id FROM payment_views WHERE refunded_cents < captured_cents ORDER BY customer_id`,
      );
      return rows.map((row) => row.customer_id);
    },
  };
}
