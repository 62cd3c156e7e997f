import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';

export interface RelayDeps {
  pool: pg.Pool;
  publisher: Publisher;
  clock: Clock;
  topic: string;
  /** Rows claimed per pass. */
  batchSize?: number;
  /** How long to sleep when a pass finds nothing to publish. */
  idleBackoffMs?: number;
}

export interface Relay {
  /** One pass: claim pending rows, publish them, mark them published. Returns how many went out. */
  runOnce(): Promise<number>;
  /** Passes until the signal aborts, sleeping when there is nothing to do. */
  run(signal: AbortSignal): Promise<void>;
}

interface PendingRow {
  id: string;
  aggregate_id: string;
  event_type: string;
  event_id: string;
  payload: unknown;
  attempts: number;
}

const maxRetryDelayMs = 5 * 60_000;

export function createRelay({ pool, publisher, clock, topic, batchSize = 100, idleBackoffMs = 1_000 }: RelayDeps): Relay {
  const toMessage = (row: PendingRow) => ({
    key: row.aggregate_id,
    value: JSON.stringify(row.payload),
    headers: { 'event-id': row.event_id, 'event-type': row.event_type },
  });

  async function runOnce(): Promise<number> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // SKIP LOCKED lets several relays share the table without waiting on each other.
      // A row also waits while an older row of its aggregate is unpublished (in flight in
      // another relay, or backing off), so each aggregate's events go out in order.
      const { rows } = await client.query<PendingRow>(
        /* sql */ `SELECT id, aggregate_id, event_type, event_id, payload, attempts
                   FROM outbox o
                  WHERE published_at IS NULL
                    AND (next_attempt_at IS NULL OR next_attempt_at <= $2)
                    AND NOT EXISTS (SELECT 1 FROM outbox older
                                     WHERE older.aggregate_id = o.aggregate_id
                                       AND older.published_at IS NULL AND older.id < o.id)
                  ORDER BY id
                  LIMIT $1
                  FOR UPDATE SKIP LOCKED`,
        [batchSize, clock.now()],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      const { published, failed } = await publishInOrder(rows);
      // Marked only after the broker acknowledged: a crash before this line republishes
      // the batch (a duplicate the consumers absorb), never loses it.
      await client.query(/* sql */ `UPDATE outbox SET published_at = $2 WHERE id = ANY($1::bigint[])`, [
        published.map((row) => row.id),
        clock.now(),
      ]);
      for (const { row, error } of failed) {
        await client.query(
          /* sql */ `UPDATE outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE id = $1`,
          [row.id, error, new Date(clock.now().getTime() + retryDelayMs(row.attempts + 1))],
        );
      }
      await client.query('COMMIT');
      return published.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * The whole batch in one publish; if the broker refuses it, row by row, so that one row
   * it always refuses cannot hold back the others. Rows of an aggregate whose earlier row
   * failed stay pending, to keep that aggregate's order.
   */
  async function publishInOrder(rows: PendingRow[]) {
    try {
      await publisher.send({ topic, messages: rows.map(toMessage) });
      return { published: rows, failed: [] };
    } catch {
      const published: PendingRow[] = [];
      const failed: { row: PendingRow; error: string }[] = [];
      const blocked = new Set<string>();
      for (const row of rows) {
        if (blocked.has(row.aggregate_id)) continue;
        try {
          await publisher.send({ topic, messages: [toMessage(row)] });
          published.push(row);
        } catch (error) {
          failed.push({ row, error: error instanceof Error ? error.message : String(error) });
          blocked.add(row.aggregate_id);
        }
      }
      return { published, failed };
    }
  }

  async function run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let published = 0;
      try {
        published = await runOnce();
      } catch {
        // The database or the broker is unreachable: the rows are safe in the outbox,
        // so wait and try again rather than give up.
      }
      if (published > 0) continue;
      try {
        await clock.sleep(idleBackoffMs, signal);
      } catch {
        return;
      }
    }
  }

  return { runOnce, run };
}

function retryDelayMs(attempts: number): number {
  return Math.min(maxRetryDelayMs, 1_000 * 2 ** Math.min(attempts, 20));
}
