import pg from 'pg';
import { applyEvent } from './apply-event.ts';
import { readEvents } from './event-log.ts';

/** The live projection: its checkpoint's name and its read model's table. */
export const liveProjection = 'customer_orders';
const rebuildTable = 'customer_orders_rebuild';

export interface RunOptions {
  /** At most this many events per transaction. */
  batchSize?: number;
}

/**
 * Applies the next batch of events after the live projection's checkpoint to customer_orders
 * and moves the checkpoint past them, in one transaction. Returns how many it applied.
 */
export async function runProjection(pool: pg.Pool, { batchSize = 100 }: RunOptions = {}): Promise<number> {
  return inTransaction(pool, (client) => projectBatch(client, liveProjection, liveProjection, batchSize));
}

/** Runs batches until the live projection has applied every event in the log. */
export async function catchUp(pool: pg.Pool, options: RunOptions = {}): Promise<void> {
  while ((await runProjection(pool, options)) > 0);
}

export interface RebuildOptions extends RunOptions {
  /** Called after each batch of the rebuild, while the old read model still serves readers. */
  afterBatch?: () => Promise<void>;
}

/**
 * Builds customer_orders again from the first event, into a new table, while the old one
 * keeps serving; when the new one has caught up, swaps it in and hands it its checkpoint.
 */
export async function rebuild(pool: pg.Pool, { batchSize = 100, afterBatch }: RebuildOptions = {}): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(`DROP TABLE IF EXISTS ${rebuildTable}`);
    await client.query(`CREATE TABLE ${rebuildTable} (LIKE ${liveProjection} INCLUDING ALL)`);
    await client.query(/* sql */ `DELETE FROM projection_checkpoints WHERE name = $1`, [rebuildTable]);
  });
  while ((await inTransaction(pool, (client) => projectBatch(client, rebuildTable, rebuildTable, batchSize))) > 0) {
    await afterBatch?.();
  }
  await inTransaction(pool, async (client) => {
    // Holding the live checkpoint stops the live projector: nothing is applied to the old
    // table between the last catch-up below and the swap.
    await lockCheckpoint(client, liveProjection);
    while ((await projectBatch(client, rebuildTable, rebuildTable, batchSize)) > 0);
    const position = await lockCheckpoint(client, rebuildTable);
    await client.query(`DROP TABLE ${liveProjection}`);
    await client.query(`ALTER TABLE ${rebuildTable} RENAME TO ${liveProjection}`);
    await client.query(/* sql */ `UPDATE projection_checkpoints SET position = $2 WHERE name = $1`, [liveProjection, position]);
    await client.query(/* sql */ `DELETE FROM projection_checkpoints WHERE name = $1`, [rebuildTable]);
  });
}

/** How far the live projection trails the log: its checkpoint, the last position, and the events in between. */
export async function projectionLag(pool: pg.Pool): Promise<{ checkpoint: number; head: number; behind: number }> {
  const { rows } = await pool.query<{ checkpoint: string; head: string; behind: number }>(
    /* sql */ `WITH c AS (SELECT coalesce((SELECT position FROM projection_checkpoints WHERE name = $1), 0) AS position)
               SELECT c.position AS checkpoint,
                      coalesce((SELECT max(position) FROM event_log), 0) AS head,
                      (SELECT count(*)::int FROM event_log e WHERE e.position > c.position) AS behind
               FROM c`,
    [liveProjection],
  );
  const row = rows[0]!;
  return { checkpoint: Number(row.checkpoint), head: Number(row.head), behind: row.behind };
}

/**
 * One batch for one projection, with the caller's client: the checkpoint row is locked, so a
 * second projector waits instead of applying the same events, and the read-model rows and
 * the new checkpoint commit together or not at all.
 */
async function projectBatch(client: pg.PoolClient, name: string, table: string, batchSize: number): Promise<number> {
  const from = await lockCheckpoint(client, name);
  const events = await readEvents(client, from, batchSize);
  for (const event of events) await applyEvent(client, table, event);
  if (events.length > 0) {
    await client.query(/* sql */ `UPDATE projection_checkpoints SET position = $2 WHERE name = $1`, [name, events.at(-1)!.position]);
  }
  return events.length;
}

/** The projection's checkpoint, its row created at 0 if missing and locked until the transaction ends. */
async function lockCheckpoint(client: pg.PoolClient, name: string): Promise<number> {
  await client.query(/* sql */ `INSERT INTO projection_checkpoints (name, position) VALUES ($1, 0) ON CONFLICT DO NOTHING`, [name]);
  const { rows } = await client.query<{ position: string }>(
    /* sql */ `SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE`,
    [name],
  );
  return Number(rows[0]!.position);
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
