import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { causes } from './domain-arbitraries.ts';
import { asEvent, type EventVariant } from './event-variant.ts';

interface OutboxColumn {
  table: string;
  column: string;
}

/** Runs the learner's DDL on an empty database; a SQL error fails as an assertion that quotes it. */
async function createOutbox(db: TestDatabase, ddl: string, eventType: string): Promise<OutboxColumn> {
  try {
    await db.pool.query(ddl);
  } catch (error) {
    expect.fail(`the ${eventType} outbox DDL failed on PostgreSQL: ${(error as Error).message}`);
  }
  const found = await db.pool.query<OutboxColumn>(/* sql */ `
    SELECT table_name AS table, column_name AS column
      FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type = 'jsonb'
     ORDER BY table_name, ordinal_position`);
  expect(found.rows.length, `the ${eventType} outbox DDL must create a table with a jsonb column for the event`)
    .toBeGreaterThan(0);
  return found.rows[0]!;
}

/** Runs the learner's INSERT; a SQL error fails as an assertion that quotes it. */
async function insertEvent(db: TestDatabase, insert: string, event: { id?: unknown }, topic: string, eventType: string) {
  try {
    await db.pool.query(insert, [event.id, topic, JSON.stringify(event)]);
  } catch (error) {
    expect.fail(`the ${eventType} outbox INSERT ($1 id, $2 topic, $3 event as JSON) failed: ${(error as Error).message}`);
  }
}

/** The outbox of the design record, on a real PostgreSQL server. */
export function describeOutbox<TInput>(variant: EventVariant<TInput>): void {
  const { eventType } = variant;

  describe(`the ${eventType} outbox`, () => {
    it('round-trips every event unchanged through a jsonb column', async () => {
      const { outbox, topic } = variant.designRecord();
      await using db = await freshDatabase('kata1_outbox');
      const { table, column } = await createOutbox(db, outbox.ddl, eventType);
      const select = /* sql */ `SELECT ${pg.escapeIdentifier(column)} AS event FROM ${pg.escapeIdentifier(table)}
        WHERE ${pg.escapeIdentifier(column)}->>'id' = $1`;
      await fc.assert(fc.asyncProperty(variant.inputs, causes(), async (input, cause) => {
        const event = asEvent(variant.produce(input, cause), eventType);
        await insertEvent(db, outbox.insert, event, topic.name, eventType);
        const stored = await db.pool.query(select, [event.id]);
        expect(stored.rows.map((row) => row.event), `the outbox must give back exactly the ${eventType} it stored`)
          .toEqual([event]);
      }), { numRuns: 25 });
    });

    it('refuses to store the same event twice', async () => {
      const { outbox, topic } = variant.designRecord();
      await using db = await freshDatabase('kata1_outbox');
      await createOutbox(db, outbox.ddl, eventType);
      const event = asEvent(variant.produce(fc.sample(variant.inputs, 1)[0]!, fc.sample(causes(), 1)[0]!), eventType);
      await insertEvent(db, outbox.insert, event, topic.name, eventType);
      const again = await db.pool.query(outbox.insert, [event.id, topic.name, JSON.stringify(event)]).then(
        () => 'stored',
        (error: { code?: string }) => error.code,
      );
      expect(again, `a second outbox row for ${eventType} ${String(event.id)} must be refused (unique event id, ` +
        'SQLSTATE 23505): the event id is the row\'s identity, and a copy would be published twice').toBe('23505');
    });
  });
}
