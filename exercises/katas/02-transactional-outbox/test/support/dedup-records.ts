import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';

/**
 * Moves every date and time in processed_events back by `days`, whatever the learner named
 * the columns: the record of an event applied long ago, as a redelivery after a long outage
 * or a replay from the start of the topic finds it.
 */
export async function ageDedupRecords(db: TestDatabase, days: number): Promise<void> {
  const { rows } = await db.pool.query<{ name: string }>(
    /* sql */ `SELECT quote_ident(column_name) AS name FROM information_schema.columns
               WHERE table_schema = 'public' AND table_name = 'processed_events'
                 AND data_type IN ('timestamp with time zone', 'timestamp without time zone', 'date')`,
  );
  if (rows.length === 0) return;
  const shifts = rows.map(({ name }) => `${name} = ${name} - make_interval(days => $1)`).join(', ');
  await db.pool.query(`UPDATE processed_events SET ${shifts}`, [days]);
}

/** How many database sessions of this test's database are waiting for a lock another holds. */
export async function sessionsWaitingOnLocks(db: TestDatabase): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    /* sql */ `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return rows[0]!.n;
}
