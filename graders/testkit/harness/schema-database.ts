import { readFile } from 'node:fs/promises';
import { freshDatabase, type TestDatabase } from './fresh-database.ts';

/**
 * A fresh database with an exercise's `schema.sql` already run, for tests of code whose
 * tables the learner owns. A schema that PostgreSQL refuses is reported as the learner's
 * file to fix, and the database is dropped again.
 */
export async function databaseWithSchema(label: string, schemaFile: URL): Promise<TestDatabase> {
  const db = await freshDatabase(label);
  try {
    await db.pool.query(await readFile(schemaFile, 'utf8'));
  } catch (error) {
    await db[Symbol.asyncDispose]();
    throw new Error(`src/schema.sql does not run on PostgreSQL: ${(error as Error).message}`);
  }
  return db;
}
