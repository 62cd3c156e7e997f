import { readFile } from 'node:fs/promises';
import { freshDatabase, type TestDatabase } from '#graders/testkit/harness/fresh-database.ts';

/** A fresh database with the given event log (src/event-log.sql) and the learner's src/schema.sql. */
export async function projectionDatabase(label: string): Promise<TestDatabase> {
  const db = await freshDatabase(label);
  for (const file of ['event-log.sql', 'schema.sql']) {
    const sql = await readFile(new URL(`../../src/${file}`, import.meta.url), 'utf8');
    try {
      await db.pool.query(sql);
    } catch (error) {
      await db[Symbol.asyncDispose]();
      throw new Error(`src/${file} does not run on PostgreSQL: ${(error as Error).message}`);
    }
  }
  return db;
}

/** Empties every table (the log's positions start again at 1), for the next example or generated case. */
export async function emptyTables(db: TestDatabase): Promise<void> {
  const { rows } = await db.pool.query<{ name: string }>(
    /* sql */ `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'`,
  );
  await db.pool.query(`TRUNCATE ${rows.map((r) => r.name).join(', ')} RESTART IDENTITY CASCADE`);
}

/** Appends one event in a transaction that rolls back: the log keeps no event but loses a position. */
export async function appendThenRollBack(db: TestDatabase): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(/* sql */ `INSERT INTO event_log (type, data) VALUES ('OrderPlaced', '{}')`);
    await client.query('ROLLBACK');
  } finally {
    client.release();
  }
}
