import type pg from 'pg';
import { vi } from 'vitest';
import type { CrashPlan } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';

/** Stops a writer right after its first INSERT has been answered, inside its transaction. */
const afterFirstInsert: CrashPlan = {
  before: () => false,
  cut: () => undefined,
  after: (call) => call.kind === 'statement' && call.statement === 'insert',
};

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Two writers on two real connections, interleaved the way that breaks a check-then-insert:
 * A runs until its first INSERT has been answered and stops there, transaction open; then B
 * runs as far as it can (it finishes, fails, or waits for a lock A holds); then A goes on.
 * Deterministic whatever the design: no timing decides who reads what.
 */
export async function race<T>(
  db: TestDatabase,
  first: (pool: pg.Pool) => Promise<T>,
  second: (pool: pg.Pool) => Promise<T>,
): Promise<[Settled<T>, Settled<T>]> {
  const writerA = simulatedProcess({ pool: db.pool, publisher: new RecordingPublisher(), pauseAt: afterFirstInsert });
  const a = settle(first(writerA.pool));
  let aSettled = false;
  void a.then(() => (aSettled = true));
  // A that never inserts (a TODO, say) settles instead of pausing.
  await Promise.race([writerA.paused, a]);
  let bSettled = false;
  const b = settle(second(db.pool)).finally(() => (bSettled = true));
  if (!aSettled) {
    await vi.waitFor(async () => {
      if (!bSettled && (await sessionsWaitingOnLocks(db)) === 0) throw new Error('B is still running');
    }, { timeout: 10_000, interval: 20 });
  }
  writerA.resume();
  return [await a, await b];
}

async function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return { ok: false, error };
  }
}

async function sessionsWaitingOnLocks(db: TestDatabase): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    /* sql */ `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return rows[0]!.n;
}
