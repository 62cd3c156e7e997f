import type pg from 'pg';
import { inTransaction } from './database.ts';
import { insertLedgerEntry } from './ledger-entries.ts';
import type { PaymentCaptured, SourceRecord } from './payment-events.ts';

/**
 * Credits the merchant's ledger for one captured payment, once per event. The consumer's
 * Kafka transaction does not reach PostgreSQL: when it aborts after this commit, the payment
 * is delivered again. So the event's id is claimed in the same transaction as the credit:
 * both commit or neither does, and any later attempt, even one running at the same time,
 * finds the claim and credits nothing. The caller still announces and commits the offset.
 */
export async function creditLedger(pool: pg.Pool, payment: PaymentCaptured, _source: SourceRecord): Promise<void> {
  await inTransaction(pool, async (client) => {
    const claim = await client.query(/* sql */ `INSERT INTO credited_payments (event_id) VALUES ($1) ON CONFLICT DO NOTHING`, [payment.eventId]);
    if (claim.rowCount !== 1) return;
    await insertLedgerEntry(client, payment);
  });
}
