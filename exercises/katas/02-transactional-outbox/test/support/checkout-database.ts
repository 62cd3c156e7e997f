import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { freshDatabase, type TestDatabase } from '#graders/testkit/harness/fresh-database.ts';

/**
 * A fresh database with the learner's schema.sql applied. Tests read the learner's tables
 * only through the names the kata fixes (`orders`, `outbox`, `published_at`,
 * `processed_events`); every other column is the learner's choice, so rows are matched by
 * the event id appearing anywhere in them.
 */
export async function checkoutDatabase(label: string): Promise<TestDatabase> {
  const database = await freshDatabase(label);
  const schema = await readFile(new URL('../../src/schema.sql', import.meta.url), 'utf8');
  try {
    await database.pool.query(schema);
  } catch (error) {
    await database[Symbol.asyncDispose]();
    throw new Error(`src/schema.sql does not run on PostgreSQL: ${(error as Error).message}`);
  }
  return database;
}

/** The outbox rows that mention each event id, with their published_at. */
export async function outboxRowsFor(database: TestDatabase, eventIds: readonly string[]) {
  const { rows } = await database.pool.query<{ row: Record<string, unknown>; text: string }>(
    /* sql */ `SELECT to_jsonb(o) AS row, to_jsonb(o)::text AS text FROM outbox o`,
  );
  return new Map(
    eventIds.map((id) => {
      const matching = rows.filter((r) => r.text.includes(id));
      return [id, matching.map((r) => ({ publishedAt: r.row.published_at ?? null }))];
    }),
  );
}

/** Whether a table of that name exists with that column. */
export async function hasColumn(database: TestDatabase, table: string, column: string): Promise<boolean> {
  const { rowCount } = await database.pool.query(
    /* sql */ `SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2`,
    [table, column],
  );
  return rowCount === 1;
}

/** How many `orders` rows mention this order id. */
export async function storedOrders(database: TestDatabase, orderId: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    /* sql */ `SELECT count(*)::int AS n FROM orders o WHERE to_jsonb(o)::text LIKE '%' || $1 || '%'`,
    [orderId],
  );
  return rows[0]!.n;
}

/** Empties every table of the learner's schema, for the next generated case. */
export async function emptyTables(database: TestDatabase): Promise<void> {
  const { rows } = await database.pool.query<{ name: string }>(
    /* sql */ `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'`,
  );
  if (rows.length > 0) {
    await database.pool.query(`TRUNCATE ${rows.map((r) => r.name).join(', ')} RESTART IDENTITY CASCADE`);
  }
}

/** Rows in one of the kata's tables, failing with what to write when the table is missing. */
export async function countRows(database: TestDatabase, table: 'orders' | 'outbox' | 'processed_events', where = 'true'): Promise<number> {
  const { rows } = await database.pool.query<{ present: boolean }>(/* sql */ `SELECT to_regclass($1) IS NOT NULL AS present`, [table]);
  expect(rows[0]!.present, `src/schema.sql must create the ${table} table`).toBe(true);
  const counted = await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`);
  return counted.rows[0]!.n;
}
