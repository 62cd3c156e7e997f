import type pg from 'pg';
import { applyEvent } from './apply-event.ts';
import { readEvents } from './event-log.ts';

/** The live projection's checkpoint name, and the view readers query. */
export const liveProjection = 'customer_orders';

export interface RunOptions {
  batchSize?: number;
}

/** The next batch after the live checkpoint, applied to the table behind the view, in one transaction. */
export async function runProjection(pool: pg.Pool, { batchSize = 100 }: RunOptions = {}): Promise<number> {
  return inTransaction(pool, async (client) => {
    await serialize(client, liveProjection);
    // Looked up under the lock: a projector that waited out a swap writes the new table.
    return projectBatch(client, liveProjection, await liveTable(client), batchSize);
  });
}

export async function catchUp(pool: pg.Pool, options: RunOptions = {}): Promise<void> {
  while ((await runProjection(pool, options)) > 0);
}

export interface RebuildOptions extends RunOptions {
  afterBatch?: () => Promise<void>;
}

/** Fills the next numbered table from the first event, then points the view at it. */
export async function rebuild(pool: pg.Pool, { batchSize = 100, afterBatch }: RebuildOptions = {}): Promise<void> {
  const current = await inTransaction(pool, liveTable);
  const next = `customer_orders_${Number(/_(\d+)$/.exec(current)![1]) + 1}`;
  await inTransaction(pool, async (client) => {
    await client.query(`DROP TABLE IF EXISTS ${next}`);
    await client.query(`CREATE TABLE ${next} (LIKE ${current} INCLUDING ALL)`);
    await client.query(/* sql */ `DELETE FROM projection_checkpoints WHERE name = $1`, [next]);
  });
  const batch = (client: pg.PoolClient) => serialize(client, next).then(() => projectBatch(client, next, next, batchSize));
  while ((await inTransaction(pool, batch)) > 0) await afterBatch?.();
  await inTransaction(pool, async (client) => {
    await serialize(client, liveProjection);
    while ((await projectBatch(client, next, next, batchSize)) > 0);
    const old = await liveTable(client);
    await client.query(`CREATE OR REPLACE VIEW ${liveProjection} AS SELECT * FROM ${next}`);
    await client.query(`DROP TABLE ${old}`);
    const position = await checkpoint(client, next);
    await client.query(
      /* sql */ `INSERT INTO projection_checkpoints (name, position) VALUES ($1, $2)
                 ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
      [liveProjection, position],
    );
    await client.query(/* sql */ `DELETE FROM projection_checkpoints WHERE name = $1`, [next]);
  });
}

export async function projectionLag(pool: pg.Pool): Promise<{ checkpoint: number; head: number; behind: number }> {
  const client = await pool.connect();
  try {
    const from = await checkpoint(client, liveProjection);
    const { rows } = await client.query<{ head: string; behind: number }>(
      /* sql */ `SELECT coalesce(max(position), 0) AS head, count(*) FILTER (WHERE position > $1)::int AS behind FROM event_log`,
      [from],
    );
    return { checkpoint: from, head: Number(rows[0]!.head), behind: rows[0]!.behind };
  } finally {
    client.release();
  }
}

/** One projector per name at a time: a transaction-scoped advisory lock instead of a row lock. */
async function serialize(client: pg.PoolClient, name: string): Promise<void> {
  await client.query(/* sql */ `SELECT pg_advisory_xact_lock(hashtext('projection:' || $1))`, [name]);
}

async function projectBatch(client: pg.PoolClient, name: string, table: string, batchSize: number): Promise<number> {
  const events = await readEvents(client, await checkpoint(client, name), batchSize);
  for (const event of events) await applyEvent(client, table, event);
  if (events.length > 0) {
    await client.query(
      /* sql */ `INSERT INTO projection_checkpoints (name, position) VALUES ($1, $2)
                 ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
      [name, events.at(-1)!.position],
    );
  }
  return events.length;
}

async function checkpoint(client: pg.PoolClient, name: string): Promise<number> {
  const { rows } = await client.query<{ position: string }>(/* sql */ `SELECT position FROM projection_checkpoints WHERE name = $1`, [name]);
  return Number(rows[0]?.position ?? 0);
}

/** The table the view reads from. */
async function liveTable(client: pg.PoolClient): Promise<string> {
  const { rows } = await client.query<{ table: string }>(
    /* sql */ `SELECT table_name AS table FROM information_schema.view_table_usage WHERE view_name = $1`,
    [liveProjection],
  );
  if (!rows[0]) throw new Error(`the view ${liveProjection} reads no table: run schema.sql`);
  return rows[0].table;
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
