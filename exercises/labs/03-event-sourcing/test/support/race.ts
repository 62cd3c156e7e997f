import type pg from 'pg';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { raceOnTwoConnections, type Settled } from '#graders/testkit/faults/two-connection-race.ts';

/**
 * Two writers on two real connections, A paused right after its first INSERT has been
 * answered (inside its transaction) while B runs: the interleaving that breaks a
 * check-then-insert append.
 */
export function race<T>(
  db: TestDatabase,
  first: (pool: pg.Pool) => Promise<T>,
  second: (pool: pg.Pool) => Promise<T>,
): Promise<[Settled<T>, Settled<T>]> {
  return raceOnTwoConnections(db, (call) => call.kind === 'statement' && call.statement === 'insert', first, second);
}
