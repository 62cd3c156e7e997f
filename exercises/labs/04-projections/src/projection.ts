import type pg from 'pg';

/** The live projection: its checkpoint's name and its read model's table. */
export const liveProjection = 'customer_orders';

export interface RunOptions {
  /** At most this many events per transaction. */
  batchSize?: number;
}

/**
 * Applies the next batch of events after the live projection's checkpoint to customer_orders
 * and moves the checkpoint past them, in one transaction. Returns how many it applied.
 */
export async function runProjection(pool: pg.Pool, { batchSize = 100 }: RunOptions = {}): Promise<number> {
  void pool;
  throw new Error(`TODO: apply up to ${batchSize} events after the checkpoint; see README "What to produce", step 2.`);
}

/** Runs batches until the live projection has applied every event in the log. */
export async function catchUp(pool: pg.Pool, options: RunOptions = {}): Promise<void> {
  void pool;
  void options;
  throw new Error('TODO: run batches until none is left; see README "What to produce", step 2.');
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
  void pool;
  void afterBatch;
  throw new Error(`TODO: rebuild into a new table in batches of ${batchSize}, then swap; see README "What to produce", step 3.`);
}

/** How far the live projection trails the log: its checkpoint, the last position, and the events in between. */
export async function projectionLag(pool: pg.Pool): Promise<{ checkpoint: number; head: number; behind: number }> {
  void pool;
  throw new Error('TODO: checkpoint, head and events behind; see README "What to produce", step 4.');
}
