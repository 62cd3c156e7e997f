import { randomBytes } from 'node:crypto';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';

/** A logical replication slot of one test's own, dropped on dispose. */
export interface TestSlot extends AsyncDisposable {
  name: string;
}

/**
 * Creates a test_decoding slot with a random name on this database (a slot belongs to the
 * database of the connection that creates it). A slot sees only what commits after it
 * exists, so tests create it before placing orders. Dropping it matters: an abandoned slot
 * keeps the server from recycling its write-ahead log.
 */
export async function freshSlot(db: TestDatabase): Promise<TestSlot> {
  const name = `kata2_cdc_${randomBytes(5).toString('hex')}`;
  try {
    await db.pool.query(/* sql */ `SELECT pg_create_logical_replication_slot($1, 'test_decoding')`, [name]);
  } catch (error) {
    throw new Error(
      `PostgreSQL refused to create a replication slot (${(error as Error).message}). The change-data-capture ` +
        'relay needs wal_level=logical and a free slot (max_replication_slots): the course sets both on the ' +
        'servers it starts; set them on a server you point the course at yourself.',
    );
  }
  return {
    name,
    async [Symbol.asyncDispose]() {
      await db.pool.query(/* sql */ `SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [name]);
    },
  };
}

/** How many committed transactions the slot still holds, unconfirmed. */
export async function unconfirmedTransactions(db: TestDatabase, slot: TestSlot): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    /* sql */ `SELECT count(*)::int AS n FROM pg_logical_slot_peek_changes($1, NULL, NULL, 'skip-empty-xacts', '1') WHERE data LIKE 'COMMIT%'`,
    [slot.name],
  );
  return rows[0]!.n;
}

/**
 * Makes everything committed so far readable from slots. Logical decoding reads only WAL
 * that is flushed to disk, and the course's server commits asynchronously for speed
 * (synchronous_commit=off), so a commit can take a few hundred milliseconds to reach a
 * slot. One synchronous commit flushes the log up to itself, and every commit before it.
 * (Its transaction carries a logical message, which a relay sees and passes over.)
 */
export async function flushCommits(db: TestDatabase): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(/* sql */ `SET LOCAL synchronous_commit = on`);
    await client.query(/* sql */ `SELECT pg_logical_emit_message(true, 'course', 'flush')`);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}
