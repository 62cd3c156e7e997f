import type pg from 'pg';

/**
 * A pool whose first COMMIT waits until `release()`: the transaction has done all its work
 * and holds all its locks, the moment a second delivery is most likely to slip past a check.
 */
export function holdBeforeCommit(pool: pg.Pool): { pool: pg.Pool; reached: Promise<void>; release(): void } {
  let reach!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  const wrap = (client: pg.PoolClient) =>
    new Proxy(client, {
      get(target, property, receiver) {
        if (property !== 'query') return Reflect.get(target, property, receiver);
        return async (config: string | pg.QueryConfig, values?: unknown[]) => {
          const sql = typeof config === 'string' ? config : config.text;
          if (!held && /^\s*(commit|end)\b/i.test(sql)) {
            held = true;
            reach();
            await released;
          }
          return target.query(config as string, values);
        };
      },
    });
  return { pool: poolOf(pool, wrap), reached, release };
}

/** A pool that notes the server process id of every connection it hands out. */
export function noteBackends(pool: pg.Pool): { pool: pg.Pool; pids: number[] } {
  const pids: number[] = [];
  const note = (client: pg.PoolClient) => {
    const pid = (client as unknown as { processID?: number }).processID;
    if (pid !== undefined) pids.push(pid);
    return client;
  };
  return { pool: poolOf(pool, note), pids };
}

/**
 * Resolves once `work` has settled or one of `pids` is waiting for a lock another
 * transaction holds: the second delivery has gone as far as it can. It watches the server
 * rather than a timer, so it never guesses how long the work takes.
 */
export async function untilBlockedOrSettled(pool: pg.Pool, pids: number[], work: Promise<unknown>): Promise<void> {
  let settled = false;
  work.then(() => (settled = true), () => (settled = true));
  for (let look = 0; look < 5_000; look++) {
    if (settled) return;
    const { rows } = await pool.query<{ waiting: boolean }>(
      /* sql */ `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1::int[]) AND wait_event_type = 'Lock') AS waiting`,
      [pids],
    );
    if (rows[0]!.waiting) return;
  }
  throw new Error('The second delivery neither finished nor waited for a lock: is it waiting for something outside PostgreSQL?');
}

/** A pool that hands out clients through `wrap`, for both `connect()` and `query()`. */
function poolOf(pool: pg.Pool, wrap: (client: pg.PoolClient) => pg.PoolClient): pg.Pool {
  const connect = async () => wrap(await pool.connect());
  return {
    connect,
    async query(config: string | pg.QueryConfig, values?: unknown[]) {
      const client = await connect();
      try {
        return await client.query(config as string, values);
      } finally {
        client.release();
      }
    },
    on: () => undefined,
  } as unknown as pg.Pool;
}
