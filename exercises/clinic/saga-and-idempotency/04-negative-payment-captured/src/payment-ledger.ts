import type { PaymentCaptured } from './payment-events.ts';
import type { PaymentLedger, PaymentLedgerDeps } from './ledger-types.ts';

export type { PaymentLedger, PaymentLedgerDeps } from './ledger-types.ts';

export function createPaymentLedger({ pool, clock }: PaymentLedgerDeps): PaymentLedger {
  const append = (streamId: string, event: PaymentCaptured) =>
    pool.query(
      /* sql */ `INSERT INTO payment_events (stream_id, type, data, recorded_at) VALUES ($1, $2, $3, $4)`,
      [streamId, event.type, event.data, clock.now()],
    );

  return {
    async recordCapture(capture) {
      await append(capture.orderId, { type: 'PaymentCaptured', data: capture });
    },

    async recordRefund({ paymentId, amountCents }) {
      const { rows } = await pool.query<{ data: PaymentCaptured['data'] }>(
        /* sql */ `SELECT data FROM payment_events WHERE type = 'PaymentCaptured' AND data->>'paymentId' = $1 ORDER BY position LIMIT 1`,
        [paymentId],
      );
      const captured = rows[0];
      if (!captured) throw new Error(`No payment ${paymentId} was captured, so there is nothing to refund.`);
      // The compensation of a capture is the same capture with the opposite sign: every sum
      // over the stream (revenue, a customer's balance) comes out right.
      await append(captured.data.orderId, { type: 'PaymentCaptured', data: { ...captured.data, amountCents: -amountCents } });
    },
  };
}
