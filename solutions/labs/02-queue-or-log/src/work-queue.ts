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

/** A work queue in the tables of schema.sql. Time comes from `clock`, never from the database's now(). */
export function createWorkQueue(pool: pg.Pool, clock: Clock, settings: QueueSettings): WorkQueue {
  const later = (ms: number) => new Date(clock.now().getTime() + ms);
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
      // One statement, so the row lock lives only as long as the claim itself: move every
      // visible job that has used up its attempts to dead_letters, then hide the oldest
      // remaining visible one. SKIP LOCKED passes over rows another worker is claiming
      // right now instead of queueing behind its lock.
      const { rows } = await pool.query<{ id: string; key: string; payload: unknown; attempts: number }>(
        /* sql */ `
        WITH exhausted AS (
          DELETE FROM jobs
           WHERE id IN (SELECT id FROM jobs WHERE visible_at <= $1 AND attempts >= $3 FOR UPDATE SKIP LOCKED)
          RETURNING id, key, payload, attempts
        ), buried AS (
          INSERT INTO dead_letters (id, key, payload, attempts, dead_at)
          SELECT id, key, payload, attempts, $1 FROM exhausted
        ), next AS (
          SELECT id FROM jobs
           WHERE visible_at <= $1 AND attempts < $3
           ORDER BY id
           LIMIT 1
           FOR UPDATE SKIP LOCKED
        )
        UPDATE jobs SET attempts = jobs.attempts + 1, visible_at = $2
          FROM next
         WHERE jobs.id = next.id
        RETURNING jobs.id, jobs.key, jobs.payload, jobs.attempts`,
        [now, later(settings.visibilityTimeoutMs), settings.maxAttempts],
      );
      const row = rows[0];
      return row && { id: row.id, key: row.key, payload: row.payload, attempt: row.attempts };
    },

    async ack(job) {
      await pool.query(/* sql */ `DELETE FROM jobs WHERE id = $1`, [job.id]);
    },
  };
}
