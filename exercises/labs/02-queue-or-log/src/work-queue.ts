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
  void pool;
  void clock;
  void settings;
  return {
    enqueue: async () => {
      throw new Error('TODO: insert the job, visible from clock.now() (README.md, part 1).');
    },
    claim: async () => {
      throw new Error('TODO: claim the oldest visible job with FOR UPDATE SKIP LOCKED (README.md, part 1).');
    },
    ack: async () => {
      throw new Error('TODO: delete the acknowledged job (README.md, part 1).');
    },
  };
}
