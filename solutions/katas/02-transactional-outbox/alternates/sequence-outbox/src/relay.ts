import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';

export interface RelayDeps {
  pool: pg.Pool;
  publisher: Publisher;
  clock: Clock;
  topic: string;
  batchSize?: number;
  idleBackoffMs?: number;
}

export interface Relay {
  runOnce(): Promise<number>;
  run(signal: AbortSignal): Promise<void>;
}

interface Waiting {
  event_id: string;
  message_key: string;
  envelope: unknown;
  failures: number;
}

/** Publishes one message per row and marks each row as soon as the broker took it. */
export function createRelay({ pool, publisher, clock, topic, batchSize = 50, idleBackoffMs = 500 }: RelayDeps): Relay {
  async function runOnce(): Promise<number> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<Waiting>(
        /* sql */ `SELECT event_id, message_key, envelope, failures FROM outbox w
                   WHERE published_at IS NULL AND (retry_after IS NULL OR retry_after <= $2)
                     AND NOT EXISTS (SELECT 1 FROM outbox b WHERE b.message_key = w.message_key
                                      AND b.published_at IS NULL AND b.seq < w.seq)
                   ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize, clock.now()],
      );
      let sent = 0;
      const stuckKeys = new Set<string>();
      for (const row of rows) {
        if (stuckKeys.has(row.message_key)) continue;
        try {
          await publisher.send({ topic, messages: [{ key: row.message_key, value: JSON.stringify(row.envelope) }] });
        } catch {
          stuckKeys.add(row.message_key);
          const delay = Math.min(600_000, 2_000 * 2 ** row.failures);
          await client.query(/* sql */ `UPDATE outbox SET failures = failures + 1, retry_after = $2 WHERE event_id = $1`, [
            row.event_id,
            new Date(clock.now().getTime() + delay),
          ]);
          continue;
        }
        await client.query(/* sql */ `UPDATE outbox SET published_at = $2 WHERE event_id = $1`, [row.event_id, clock.now()]);
        sent++;
      }
      await client.query('COMMIT');
      return sent;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const sent = await runOnce().catch(() => 0);
      if (sent > 0) continue;
      try {
        await clock.sleep(idleBackoffMs, signal);
      } catch {
        return;
      }
    }
  }

  return { runOnce, run };
}
