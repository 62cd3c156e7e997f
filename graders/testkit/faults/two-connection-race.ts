import type pg from 'pg';
import { vi } from 'vitest';
import type { CrashPlan } from './crash-points.ts';
import type { DependencyCall } from './dependency-call.ts';
import { RecordingPublisher } from './recording-publisher.ts';
import { simulatedProcess } from './simulated-process.ts';
import type { TestDatabase } from '../harness/fresh-database.ts';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Two workers on two real connections, interleaved the way that breaks a check-then-write:
 * A runs until `pauseAfter` matches a call it has made and stops there, transaction open;
 * then B runs as far as it can (it finishes, fails, or waits for a lock A holds); then A goes
 * on. Deterministic whatever the design: no timing decides who reads what. Each lab names its
 * own pause point (after the first INSERT of an event store, after the first write to a read
 * model), so the race stays the same where the mistakes differ.
 */
export async function raceOnTwoConnections<T>(
  db: TestDatabase,
  pauseAfter: (call: DependencyCall) => boolean,
  first: (pool: pg.Pool) => Promise<T>,
  second: (pool: pg.Pool) => Promise<T>,
): Promise<[Settled<T>, Settled<T>]> {
  const pauseAt: CrashPlan = { before: () => false, cut: () => undefined, after: pauseAfter };
  const workerA = simulatedProcess({ pool: db.pool, publisher: new RecordingPublisher(), pauseAt });
  const a = settle(first(workerA.pool));
  let aSettled = false;
  void a.then(() => (aSettled = true));
  // An A that never reaches the pause point (a TODO, say) settles instead of pausing.
  await Promise.race([workerA.paused, a]);
  let bSettled = false;
  const b = settle(second(db.pool)).finally(() => (bSettled = true));
  if (!aSettled) {
    await vi.waitFor(async () => {
      if (!bSettled && (await sessionsWaitingOnLocks(db)) === 0) throw new Error('B is still running');
    }, { timeout: 10_000, interval: 20 });
  }
  workerA.resume();
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
