import type pg from 'pg';
import type { PaymentCaptured } from './payment-events.ts';

/** Writes the merchant's ledger row for one payment; the caller owns the transaction. */
export async function insertLedgerEntry(client: pg.PoolClient, payment: PaymentCaptured): Promise<void> {
  await client.query(/* sql */ `INSERT INTO ledger_entries (payment_id, order_id, amount_cents) VALUES ($1, $2, $3)`, [
    payment.paymentId,
    payment.orderId,
    payment.amountCents,
  ]);
}
