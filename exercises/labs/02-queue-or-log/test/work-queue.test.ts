import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { createWorkQueue, type QueueSettings } from '../src/work-queue.ts';
import { emptyQueue, queueDatabase, whereIsJob } from './support/queue-database.ts';

const settings: QueueSettings = { visibilityTimeoutMs: 30_000, maxAttempts: 3 };

let db: TestDatabase;
beforeAll(async () => {
  db = await queueDatabase('lab2_queue');
});
afterAll(() => db?.[Symbol.asyncDispose]());
beforeEach(() => emptyQueue(db));

describe('the PostgreSQL work queue', () => {
  it('hides a claimed job from the other workers until its visibility timeout', async () => {
    const queue = createWorkQueue(db.pool, new VirtualClock(), settings);
    const a = await queue.enqueue('order-2', { step: 'a' });
    const b = await queue.enqueue('order-2', { step: 'b' });
    const first = await queue.claim();
    const second = await queue.claim();
    const third = await queue.claim();
    expect(first?.id, 'worker 1 gets the oldest job').toBe(a);
    expect(second?.id, 'worker 2 gets the next job, not the one worker 1 holds').toBe(b);
    expect(third, 'worker 3 gets nothing: both jobs are in progress').toBeUndefined();
  });

  it('claims the next job at once while another worker holds a lock on the first', async () => {
    const queue0 = createWorkQueue(db.pool, new VirtualClock(), settings);
    const a = await queue0.enqueue('order-2', { step: 'a' });
    const b = await queue0.enqueue('order-1', { step: 'b' });
    // A worker in the middle of claiming job a holds its row lock. A claim that waits for
    // that lock instead of skipping the row fails after lock_timeout rather than hanging.
    const impatient = new pg.Pool({ connectionString: db.url, max: 2, options: '-c lock_timeout=5000' });
    const holder = await db.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(/* sql */ `SELECT id FROM jobs WHERE id = $1 FOR UPDATE`, [a]);
      const queue = createWorkQueue(impatient, new VirtualClock(), settings);
      let claimed;
      try {
        claimed = await queue.claim();
      } catch (error) {
        expect.fail(`claim() waited for the row another worker had locked instead of skipping it (FOR UPDATE SKIP LOCKED): ${(error as Error).message}`);
      }
      expect(claimed?.id, 'the claim skips the locked job and takes the next').toBe(b);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
      await impatient.end();
    }
  });

  it('hands an unacknowledged job out again once the visibility timeout has passed on the queue\'s clock', async () => {
    const clock = new VirtualClock();
    const queue = createWorkQueue(db.pool, clock, settings);
    const a = await queue.enqueue('order-2', { step: 'a' });
    expect((await queue.claim())?.id).toBe(a);
    await clock.advance(settings.visibilityTimeoutMs - 1);
    expect(await queue.claim(), 'a millisecond before the timeout the job is still hidden').toBeUndefined();
    await clock.advance(1);
    const again = await queue.claim();
    expect(again?.id, 'at the timeout, the job is handed out again').toBe(a);
    expect(again?.attempt, 'as its second attempt').toBe(2);
  });

  it('moves a job handed out maxAttempts times without an ack to dead_letters, and hands it out no more', async () => {
    const clock = new VirtualClock();
    const queue = createWorkQueue(db.pool, clock, settings);
    const a = await queue.enqueue('order-2', { step: 'a' });
    const attempts: number[] = [];
    for (let i = 0; i < settings.maxAttempts; i++) {
      const job = await queue.claim();
      expect(job?.id, `attempt ${i + 1} hands out the job`).toBe(a);
      attempts.push(job!.attempt);
      await clock.advance(settings.visibilityTimeoutMs);
    }
    expect(attempts).toEqual([1, 2, 3]);
    expect(await queue.claim(), `after ${settings.maxAttempts} attempts the job is not handed out again`).toBeUndefined();
    expect(await whereIsJob(db, a), 'the job is kept in dead_letters for a person to look at').toBe('dead_letters');
  });

  it('removes an acknowledged job for good', async () => {
    const clock = new VirtualClock();
    const queue = createWorkQueue(db.pool, clock, settings);
    const a = await queue.enqueue('order-2', { step: 'a' });
    await queue.ack((await queue.claim())!);
    await clock.advance(settings.visibilityTimeoutMs * 10);
    expect(await queue.claim(), 'an acknowledged job never comes back').toBeUndefined();
    expect(await whereIsJob(db, a)).toBe('gone');
  });
});
