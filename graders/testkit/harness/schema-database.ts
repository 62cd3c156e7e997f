import { readFile } from 'node:fs/promises';
import { freshDatabase, type TestDatabase } from './fresh-database.ts';

/**
 * A fresh database with an exercise's own `schema.sql` run on it. A schema the learner broke
 * is reported as such, naming the file, and the database is dropped.
 */
export async function databaseWithSchema(label: string, schemaFile: URL): Promise<TestDatabase> {
  const db = await freshDatabase(label);
  const schema = await readFile(schemaFile, 'utf8');
  try {
    await db.pool.query(schema);
  } catch (error) {
    await db[Symbol.asyncDispose]();
    const name = schemaFile.pathname.split('/').slice(-2).join('/');
    throw new Error(`${name} does not run on PostgreSQL: ${(error as Error).message}`);
  }
  return db;
}
