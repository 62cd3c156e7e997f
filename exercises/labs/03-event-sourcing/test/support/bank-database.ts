import { randomBytes } from 'node:crypto';
import { databaseWithSchema } from '#graders/testkit/harness/schema-database.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';

/** A fresh database with the learner's src/schema.sql applied. */
export function bankDatabase(label: string): Promise<TestDatabase> {
  return databaseWithSchema(label, new URL('../../src/schema.sql', import.meta.url));
}

/** A stream id no other test uses: tests share one database per file and never clean up. */
export function anAccountId(): string {
  return `account-${randomBytes(4).toString('hex')}`;
}
