import type pg from 'pg';
import { onTestFinished } from 'vitest';
import type { Publisher, PublishRecord } from '../contracts/publisher.ts';
import { type CrashPlan, planFor } from './crash-points.ts';
import { type DependencyCall, statementKind } from './dependency-call.ts';

export interface CrashReport {
  /** The call at which the process died (undefined when killed from outside). */
  call?: DependencyCall;
  when: 'before' | 'after' | 'killed';
}

/**
 * Code under test, run as if it were a process of its own that can die at any moment. It
 * is handed `pool` and `publisher` in place of the real ones; when the process dies:
 * - every database connection it holds is terminated on the server, and the harness waits
 *   until the server has rolled back its transactions and released its locks;
 * - every later call it makes (and the one it died in) never returns, so nothing after the
 *   crash point runs, even in a `catch` or `finally` of the learner's;
 * - what already reached the broker or was committed stays, as after a real crash.
 */
export interface SimulatedProcess {
  pool: pg.Pool;
  publisher: Publisher;
  readonly dead: boolean;
  /** Every call the process made, in order: the raw material of a failure timeline. */
  readonly calls: readonly DependencyCall[];
  /** Resolves when the process dies. */
  readonly died: Promise<CrashReport>;
  /** Kills the process now, wherever it is. */
  kill(): Promise<void>;
  /** Resolves when the process reaches its pause point (see `pauseAt`) and stops there. */
  readonly paused: Promise<DependencyCall>;
  /** Lets a paused process go on. */
  resume(): void;
  /** Awaits work of the process: its result, or word that the process died first. */
  run<T>(work: Promise<T>): Promise<{ finished: true; value: T } | { finished: false; crash: CrashReport }>;
}

const never = <T>() => new Promise<T>(() => {});

/**
 * A simulated process lives no longer than the test that made it, as a real one ends with its
 * test run: a test that fails while the process is paused (a failed assertion before
 * `resume()`) would otherwise leave its connection checked out and its transaction open, and
 * the file's clean-up (`pool.end()` waits for every checked-out connection) would hang until
 * the hook timed out. Made outside a test (in a hook), it is left to whoever made it.
 */
function endWithItsTest(end: () => Promise<void>): void {
  try {
    onTestFinished(end);
  } catch {
    // onTestFinished throws outside a running test: nothing to tie the process to.
  }
}

export function simulatedProcess(options: {
  /** The real pool; the process's connections come from it, and it terminates them. */
  pool: pg.Pool;
  publisher: Publisher;
  plan?: CrashPlan;
  /**
   * Instead of dying, stop after the first call this plan would die after, holding its
   * connections and locks, until `resume()`: a process that is slow at exactly that place.
   */
  pauseAt?: CrashPlan;
}): SimulatedProcess {
  const plan = options.plan ?? planFor(undefined);
  let reportPause!: (call: DependencyCall) => void;
  const paused = new Promise<DependencyCall>((resolve) => (reportPause = resolve));
  let resume!: () => void;
  const resumed = new Promise<void>((resolve) => (resume = resolve));
  let pauseUsed = false;
  const maybePause = async (call: DependencyCall, number: number) => {
    if (pauseUsed || !options.pauseAt?.after(call, number)) return;
    pauseUsed = true;
    reportPause(call);
    await resumed;
  };
  const calls: DependencyCall[] = [];
  const held = new Set<pg.PoolClient>();
  let dead = false;
  let reportDeath!: (report: CrashReport) => void;
  const died = new Promise<CrashReport>((resolve) => (reportDeath = resolve));
  let dying: Promise<void> | undefined;

  const die = (report: CrashReport): Promise<void> => {
    if (dying) return dying;
    dead = true;
    dying = (async () => {
      await Promise.all([...held].map(terminate));
      held.clear();
      reportDeath(report);
    })();
    return dying;
  };

  async function terminate(client: pg.PoolClient): Promise<void> {
    const pid = (client as unknown as { processID?: number }).processID;
    // The server is about to drop this connection; the client's error event is expected.
    client.on('error', () => {});
    if (pid !== undefined) {
      // The transaction must be rolled back and its row locks free before the next process
      // starts. A backend closes its socket last on its way out, after it has aborted its
      // transaction and released its locks (PostgreSQL's proc_exit runs the shared-memory
      // clean-up before the socket's), so the connection's end is that moment.
      // pg_terminate_backend's own timeout would say the same, but it checks every 100 ms:
      // a tenth of a second per crash, most of a property's time.
      const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
      const signalled = await options.pool
        .query<{ signalled: boolean }>('SELECT pg_terminate_backend($1) AS signalled', [pid])
        .then((result) => result.rows[0]?.signalled === true, () => false);
      // Not signalled: no such backend is left, so it has already done that clean-up.
      if (signalled) await ended;
    }
    client.release(true);
  }

  /** Runs one call through the plan: maybe die before it, make it, maybe die after it. */
  async function guarded<T>(call: DependencyCall, make: () => Promise<T>, finish?: (value: T) => DependencyCall): Promise<T> {
    if (dead) return never();
    const number = calls.length + 1;
    if (plan.before(call, number)) {
      calls.push(call);
      await die({ call, when: 'before' });
      return never();
    }
    const value = await make();
    if (dead) return never();
    const done = finish ? finish(value) : call;
    calls.push(done);
    if (plan.after(done, number)) {
      await die({ call: done, when: 'after' });
      return never();
    }
    await maybePause(done, number);
    if (dead) return never();
    return value;
  }

  function wrapClient(client: pg.PoolClient): pg.PoolClient {
    held.add(client);
    let released = false;
    const query = (config: string | pg.QueryConfig, values?: unknown[]) => {
      const sql = typeof config === 'string' ? config : config.text;
      const call: DependencyCall = { kind: 'statement', statement: statementKind(sql), sql };
      return guarded(
        call,
        () => client.query(config as string, values),
        (result: pg.QueryResult) => ({ ...call, rowCount: result.rowCount ?? 0 }),
      );
    };
    const release = (error?: Error | boolean) => {
      if (released || dead) return;
      released = true;
      held.delete(client);
      client.release(error);
    };
    return new Proxy(client, {
      get(target, property, receiver) {
        if (property === 'query') return query;
        if (property === 'release') return release;
        return Reflect.get(target, property, receiver);
      },
    });
  }

  const pool = {
    connect: async () => {
      if (dead) return never();
      const client = await options.pool.connect();
      if (dead) {
        client.release();
        return never();
      }
      return wrapClient(client);
    },
    query: async (config: string | pg.QueryConfig, values?: unknown[]) => {
      const client = await pool.connect();
      try {
        return await client.query(config as string, values);
      } finally {
        client.release();
      }
    },
    on: () => pool,
    end: async () => {},
  } as unknown as pg.Pool;

  const publisher: Publisher = {
    send: async (record: PublishRecord) => {
      if (dead) return never();
      const call: DependencyCall = {
        kind: 'publish',
        topic: record.topic,
        messages: record.messages.length,
        keys: record.messages.map((m) => (m.key == null ? '' : m.key.toString())),
      };
      const number = calls.length + 1;
      if (plan.before(call, number)) {
        calls.push(call);
        await die({ call, when: 'before' });
        return never();
      }
      const kept = plan.cut(call as DependencyCall & { kind: 'publish' }, number);
      if (kept !== undefined) {
        // The process dies part-way through the publish: only the first messages get out.
        if (kept > 0) await options.publisher.send({ ...record, messages: record.messages.slice(0, kept) });
        calls.push({ ...call, messages: kept, keys: call.keys.slice(0, kept) });
        await die({ call, when: 'after' });
        return never();
      }
      const result = await options.publisher.send(record);
      if (dead) return never();
      calls.push(call);
      if (plan.after(call, number)) {
        await die({ call, when: 'after' });
        return never();
      }
      await maybePause(call, number);
      if (dead) return never();
      return result;
    },
  };

  endWithItsTest(() => (dead || held.size === 0 ? Promise.resolve() : die({ when: 'killed' })));

  return {
    pool,
    publisher,
    get dead() {
      return dead;
    },
    calls,
    died,
    paused,
    resume,
    kill: () => die({ when: 'killed' }),
    async run<T>(work: Promise<T>) {
      const outcome = await Promise.race([
        work.then((value) => ({ finished: true as const, value })),
        died.then((crash) => ({ finished: false as const, crash })),
      ]);
      return outcome;
    },
  };
}
