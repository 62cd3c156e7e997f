import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';

/**
 * Checkout's outbox relay, the one you built in Kata 2 cut down to its core: claim the
 * oldest unpublished rows, publish them, mark them published, commit.
 */
export interface OutboxRelayDeps {
  pool: pg.Pool;
  publisher: Publisher;
  clock: Clock;
  topic: string;
  /** Rows claimed per pass. */
  batchSize?: number;
}

interface OutboxRow {
  id: string;
  event_id: string;
  aggregate_id: string;
  event_type: string;
  payload: unknown;
}

/** One pass: returns how many rows went out; throws (and marks nothing) when the broker refused them. */
export function createOutboxRelay({ pool, publisher, clock, topic, batchSize = 50 }: OutboxRelayDeps): { runOnce(): Promise<number> } {
  return {
    async runOnce() {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // SKIP LOCKED: a second relay passes over rows this one has claimed.
        const { rows } = await client.query<OutboxRow>(
          /* sql */ `SELECT id, event_id, aggregate_id, event_type, payload FROM outbox
                     WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [batchSize],
        );
        if (rows.length > 0) {
          await publisher.send({
            topic,
            messages: rows.map((row) => ({
              key: row.aggregate_id,
              value: JSON.stringify(row.payload),
              headers: { 'event-id': row.event_id, 'event-type': row.event_type },
            })),
          });
          // Marked only once the broker has acknowledged: a relay that dies before this
          // line leaves the rows unpublished, and the next pass sends them again.
          await client.query(/* sql */ `UPDATE outbox SET published_at = $2 WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id), clock.now()]);
        }
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
