import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';

export interface QueueSettings {
  /** How long a claimed job stays hidden from other workers before it is handed out again. */
  visibilityTimeoutMs: number;
  /** How many times a job is handed out without an acknowledgement before it goes to dead_letters. */
  maxAttempts: number;
}

/** A job as a worker receives it. */
export interface ClaimedJob {
  id: string;
  key: string;
  payload: unknown;
  /** 1 the first time the job is handed out, 2 the second, ... */
  attempt: number;
}

export interface WorkQueue {
  /** Adds a job, visible at once; resolves with its id. */
  enqueue(key: string, payload: unknown): Promise<string>;
  /**
   * Hands the oldest visible job to one worker and hides it for the visibility timeout, or
   * resolves with undefined when no job is visible. Workers call it concurrently: two calls
   * never get the same job, and a call never waits for a job another worker is claiming.
   * A visible job already handed out maxAttempts times goes to dead_letters instead.
   */
  claim(): Promise<ClaimedJob | undefined>;
  /** The worker is done with the job: it is removed for good. */
  ack(job: ClaimedJob): Promise<void>;
}

/**
 * The same queue with the claim as a short transaction of plain statements instead of one
 * statement with CTEs: bury the exhausted jobs, lock the oldest visible job with SKIP
 * LOCKED, hide it, commit. The row lock lasts until COMMIT, a few milliseconds.
 */
export function createWorkQueue(pool: pg.Pool, clock: Clock, settings: QueueSettings): WorkQueue {
  return {
    async enqueue(key, payload) {
      const { rows } = await pool.query<{ id: string }>(
        /* sql */ `INSERT INTO jobs (key, payload, visible_at) VALUES ($1, $2, $3) RETURNING id`,
        [key, JSON.stringify(payload), clock.now()],
      );
      return rows[0]!.id;
    },

    async claim() {
      const now = clock.now();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          /* sql */ `
          WITH exhausted AS (
            DELETE FROM jobs
             WHERE id IN (SELECT id FROM jobs WHERE visible_at <= $1 AND attempts >= $2 FOR UPDATE SKIP LOCKED)
            RETURNING id, key, payload, attempts
          )
          INSERT INTO dead_letters (id, key, payload, attempts, dead_at)
          SELECT id, key, payload, attempts, $1 FROM exhausted`,
          [now, settings.maxAttempts],
        );
        const { rows: next } = await client.query<{ id: string }>(
          /* sql */ `SELECT id FROM jobs WHERE visible_at <= $1 ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [now],
        );
        if (!next[0]) {
          await client.query('COMMIT');
          return undefined;
        }
        const { rows } = await client.query<{ id: string; key: string; payload: unknown; attempts: number }>(
          /* sql */ `UPDATE jobs SET attempts = attempts + 1, visible_at = $2 WHERE id = $1 RETURNING id, key, payload, attempts`,
          [next[0].id, new Date(now.getTime() + settings.visibilityTimeoutMs)],
        );
        await client.query('COMMIT');
        const row = rows[0]!;
        return { id: row.id, key: row.key, payload: row.payload, attempt: row.attempts };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },

    async ack(job) {
      await pool.query(/* sql */ `DELETE FROM jobs WHERE id = $1`, [job.id]);
    },
  };
}
