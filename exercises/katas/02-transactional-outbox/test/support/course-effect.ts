import type pg from 'pg';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import type { OrderEvent } from '../../src/events.ts';

/**
 * The business effect the learner's consumer must apply once per event. It is the course's,
 * not the learner's: it writes with the client it is given (so it commits or rolls back with
 * the learner's transaction) into a log with no uniqueness, so every double apply shows.
 */
export async function createEffectLog(db: TestDatabase): Promise<void> {
  await db.pool.query(/* sql */ `CREATE TABLE IF NOT EXISTS course_effect_log (consumer text NOT NULL, event_id text NOT NULL)`);
}

export function effectFor(consumer: string) {
  return async (client: pg.PoolClient, event: OrderEvent): Promise<void> => {
    await client.query(/* sql */ `INSERT INTO course_effect_log (consumer, event_id) VALUES ($1, $2)`, [consumer, event.id]);
  };
}

/** How many times each event's effect was applied. */
export async function effectsApplied(db: TestDatabase): Promise<Map<string, number>> {
  const { rows } = await db.pool.query<{ event_id: string; n: number }>(
    /* sql */ `SELECT event_id, count(*)::int AS n FROM course_effect_log GROUP BY event_id`,
  );
  return new Map(rows.map((row) => [row.event_id, row.n]));
}
