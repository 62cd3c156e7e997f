import type pg from 'pg';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { raceOnTwoConnections, type Settled } from '#graders/testkit/faults/two-connection-race.ts';

/**
 * Two projectors on two real connections, A paused right after its first write to the read
 * model (inside its transaction) while B runs: the interleaving that breaks an unguarded
 * checkpoint.
 */
export function race<T>(
  db: TestDatabase,
  first: (pool: pg.Pool) => Promise<T>,
  second: (pool: pg.Pool) => Promise<T>,
): Promise<[Settled<T>, Settled<T>]> {
  const writesReadModel = (sql: string) => /customer_orders/i.test(sql);
  return raceOnTwoConnections(
    db,
    (call) => call.kind === 'statement' && (call.statement === 'insert' || call.statement === 'update') && writesReadModel(call.sql),
    first,
    second,
  );
}
