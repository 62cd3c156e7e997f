import type pg from 'pg';
import type { LoggedEvent, OrderEvent } from './events.ts';

/** A pool or one of its clients: whatever can run a statement (inside your transaction, for a client). */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/**
 * Appends events to the log in one transaction and returns their positions. Given.
 *
 * It locks the log against other appenders first, so that appends commit in position order:
 * without that, an append that took position 7 could commit after one that took 8, and a
 * reader that has moved past 8 would never see 7.
 */
export async function appendEvents(pool: pg.Pool, events: readonly OrderEvent[]): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE event_log IN EXCLUSIVE MODE');
    const positions: number[] = [];
    for (const event of events) {
      const { rows } = await client.query<{ position: string }>(
        /* sql */ `INSERT INTO event_log (type, data) VALUES ($1, $2) RETURNING position`,
        [event.type, JSON.stringify(event.data)],
      );
      positions.push(Number(rows[0]!.position));
    }
    await client.query('COMMIT');
    return positions;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Up to `limit` events after `afterPosition`, in position order. Given. */
export async function readEvents(db: Queryable, afterPosition: number, limit: number): Promise<LoggedEvent[]> {
  const { rows } = await db.query<{ position: string; type: OrderEvent['type']; data: OrderEvent['data'] }>(
    /* sql */ `SELECT position, type, data FROM event_log WHERE position > $1 ORDER BY position LIMIT $2`,
    [afterPosition, limit],
  );
  return rows.map((row) => ({ position: Number(row.position), type: row.type, data: row.data }) as LoggedEvent);
}
