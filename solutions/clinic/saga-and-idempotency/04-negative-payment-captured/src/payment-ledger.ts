import type pg from 'pg';
import type { PaymentCaptured, PaymentEvent } from './payment-events.ts';
import type { PaymentLedger, PaymentLedgerDeps } from './ledger-types.ts';
import { inTransaction } from './transaction.ts';

export type { PaymentLedger, PaymentLedgerDeps } from './ledger-types.ts';

/** A refund the ledger will not record; the message says why and what to do. */
export class RefundRejected extends Error {}

function requireCents(what: string, cents: number): void {
  if (!Number.isSafeInteger(cents) || cents <= 0) {
    throw new RefundRejected(`${what} must be a whole, positive number of cents, got ${cents}: the event's type says which way money moved.`);
  }
}

export function createPaymentLedger({ pool, clock }: PaymentLedgerDeps): PaymentLedger {
  const append = (db: pg.Pool | pg.PoolClient, event: PaymentEvent) =>
    db.query(
      /* sql */ `INSERT INTO payment_events (stream_id, type, data, recorded_at) VALUES ($1, $2, $3, $4)`,
      [event.data.orderId, event.type, event.data, clock.now()],
    );

  return {
    async recordCapture(capture) {
      requireCents('A capture', capture.amountCents);
      await append(pool, { type: 'PaymentCaptured', data: capture });
    },

    async recordRefund({ paymentId, amountCents }) {
      requireCents('A refund', amountCents);
      await inTransaction(pool, async (client) => {
        // One refund of a payment at a time, so two cannot both fit in what is left.
        await client.query(/* sql */ `SELECT pg_advisory_xact_lock(hashtext($1))`, [paymentId]);
        const { rows } = await client.query<{ type: string; data: PaymentCaptured['data'] }>(
          /* sql */ `SELECT type, data FROM payment_events WHERE data->>'paymentId' = $1 ORDER BY position`,
          [paymentId],
        );
        const captured = rows.find((row) => row.type === 'PaymentCaptured')?.data;
        if (!captured) throw new RefundRejected(`No payment ${paymentId} was captured: a refund must name a captured payment.`);
        const refunded = rows.filter((row) => row.type === 'PaymentRefunded').reduce((sum, row) => sum + row.data.amountCents, 0);
        const left = captured.amountCents - refunded;
        if (amountCents > left) {
          throw new RefundRejected(`Payment ${paymentId} has ${left} of its ${captured.amountCents} cents left to refund; a refund of ${amountCents} does not fit.`);
        }
        await append(client, {
          type: 'PaymentRefunded',
          data: { paymentId, orderId: captured.orderId, customerId: captured.customerId, amountCents },
        });
      });
    },
  };
}
