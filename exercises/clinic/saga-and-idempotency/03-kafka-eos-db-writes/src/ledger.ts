import type pg from 'pg';
import { inTransaction } from './database.ts';
import { insertLedgerEntry } from './ledger-entries.ts';
import type { PaymentCaptured, SourceRecord } from './payment-events.ts';

/**
 * Credits the merchant's ledger for one captured payment. It runs inside the consumer's
 * Kafka transaction, and exactly-once is on: each payment reaches this function once.
 */
export async function creditLedger(pool: pg.Pool, payment: PaymentCaptured, _source: SourceRecord): Promise<void> {
  await inTransaction(pool, (client) => insertLedgerEntry(client, payment));
}
