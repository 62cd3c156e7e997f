import type pg from 'pg';
import { inTransaction } from './database.ts';
import { insertLedgerEntry } from './ledger-entries.ts';
import type { PaymentCaptured, SourceRecord } from './payment-events.ts';

/**
 * Credits the ledger and advances PostgreSQL's own copy of the partition's offset in one
 * transaction, unless that offset is already past this record (a redelivery).
 *
 * The consumer still starts from the offsets Kafka committed, not from these: they can be
 * ahead of Kafka's by a record whose LedgerCredited was aborted with its Kafka transaction,
 * and seeking past that record would leave the credit announced by nobody.
 */
export async function creditLedger(pool: pg.Pool, payment: PaymentCaptured, source: SourceRecord): Promise<void> {
  const partitionKey = [source.topic, source.partition];
  await inTransaction(pool, async (client) => {
    await client.query(/* sql */ `INSERT INTO ledger_offsets (topic, partition, next_offset) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`, partitionKey);
    // The row lock makes a second attempt at this partition wait for the first, then read its offset.
    const { rows } = await client.query<{ next_offset: string }>(
      /* sql */ `SELECT next_offset FROM ledger_offsets WHERE topic = $1 AND partition = $2 FOR UPDATE`,
      partitionKey,
    );
    if (BigInt(source.offset) < BigInt(rows[0]!.next_offset)) return;
    await insertLedgerEntry(client, payment);
    await client.query(/* sql */ `UPDATE ledger_offsets SET next_offset = $3 WHERE topic = $1 AND partition = $2`, [
      ...partitionKey,
      (BigInt(source.offset) + 1n).toString(),
    ]);
  });
}
