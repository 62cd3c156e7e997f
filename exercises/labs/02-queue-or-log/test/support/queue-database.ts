import { readFileSync } from 'node:fs';
import { freshDatabase, type TestDatabase } from '#graders/testkit/harness/fresh-database.ts';

const schema = readFileSync(new URL('../../src/schema.sql', import.meta.url), 'utf8');

/** A database of its own with the tables of src/schema.sql. */
export async function queueDatabase(label: string): Promise<TestDatabase> {
  const db = await freshDatabase(label);
  try {
    await db.pool.query(schema);
  } catch (error) {
    await db[Symbol.asyncDispose]();
    throw new Error(`src/schema.sql does not run on PostgreSQL: ${(error as Error).message}`);
  }
  return db;
}

/** Empties both tables, for the next generated case on the same database. */
export async function emptyQueue(db: TestDatabase): Promise<void> {
  await db.pool.query(/* sql */ `TRUNCATE jobs, dead_letters RESTART IDENTITY`);
}

/** What is left of a job in the tables: waiting or in progress, dead, or gone. */
export async function whereIsJob(db: TestDatabase, id: string): Promise<'jobs' | 'dead_letters' | 'gone'> {
  const { rows } = await db.pool.query<{ place: 'jobs' | 'dead_letters' }>(
    /* sql */ `SELECT 'jobs' AS place FROM jobs WHERE id = $1 UNION ALL SELECT 'dead_letters' FROM dead_letters WHERE id = $1`,
    [id],
  );
  return rows[0]?.place ?? 'gone';
}
