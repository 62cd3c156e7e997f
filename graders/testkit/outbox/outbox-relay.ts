import type pg from 'pg';
import type { Clock } from '../contracts/clock.ts';
import type { Publisher } from '../contracts/publisher.ts';

/**
 * The outbox relay of Kata 2 cut down to its core, as the course runs it for the exercises
 * that come after the kata: an exercise whose repair writes to an outbox gets this relay to
 * publish it, instead of a second copy to read or maintain.
 *
 * It reads a table named `outbox` with at least these columns (Kata 2's table has them):
 * `id` (an increasing key: the order rows go out in), `event_id` (sent as the `event-id`
 * header), `aggregate_id` (the message key, so one aggregate's events keep their order),
 * `event_type` (the `event-type` header), `payload` (jsonb: the message value) and
 * `published_at` (null until the broker has acknowledged the row).
 */
export interface OutboxRelayDeps {
  /** The database the outbox is in. */
  pool: pg.Pool;
  publisher: Publisher;
  clock: Clock;
  topic: string;
  /** Rows claimed per pass. */
  batchSize?: number;
}

export interface OutboxRelay {
  /** One pass: claim pending rows, publish them, mark them published. Returns how many went out. */
  runOnce(): Promise<number>;
}

interface OutboxRow {
  id: string;
  event_id: string;
  aggregate_id: string;
  event_type: string;
  payload: unknown;
}

export function createOutboxRelay({ pool, publisher, clock, topic, batchSize = 50 }: OutboxRelayDeps): OutboxRelay {
  return {
    async runOnce() {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // SKIP LOCKED: a second relay passes over the rows this one has claimed.
        const { rows } = await client.query<OutboxRow>(
          /* sql */ `SELECT id, event_id, aggregate_id, event_type, payload FROM outbox
                     WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [batchSize],
        );
        if (rows.length === 0) {
          await client.query('COMMIT');
          return 0;
        }
        await publisher.send({
          topic,
          messages: rows.map((row) => ({
            key: row.aggregate_id,
            value: JSON.stringify(row.payload),
            headers: { 'event-id': row.event_id, 'event-type': row.event_type },
          })),
        });
        // Marked only once the broker has acknowledged: a relay that dies before this line
        // leaves the rows pending, and the next pass sends them again (at least once).
        await client.query(/* sql */ `UPDATE outbox SET published_at = $2 WHERE id = ANY($1::bigint[])`, [
          rows.map((row) => row.id),
          clock.now(),
        ]);
        await client.query('COMMIT');
        return rows.length;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
