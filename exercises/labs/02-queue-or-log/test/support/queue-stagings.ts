import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { createWorkQueue, type QueueSettings } from '../../src/work-queue.ts';
import { emptyQueue, whereIsJob } from './queue-database.ts';

const settings: QueueSettings = { visibilityTimeoutMs: 30_000, maxAttempts: 5 };

/** The queue's side of each comparison, staged against your work queue. */
export async function queueSlowFirst(db: TestDatabase): Promise<{ otherKeyHandled: boolean; sameKeyHandled: boolean }> {
  await emptyQueue(db);
  const queue = createWorkQueue(db.pool, new VirtualClock(), settings);
  await queue.enqueue('order-2', { step: 'a' });
  await queue.enqueue('order-2', { step: 'b' });
  await queue.enqueue('order-1', { step: 'c' });
  const slow = await queue.claim();
  if ((slow?.payload as { step?: string } | undefined)?.step !== 'a') throw new Error('the first claim did not hand out the oldest job, a');
  // Worker 1 is still busy with a; workers 2 and 3 ask for work.
  const others = [await queue.claim(), await queue.claim()].map((job) => (job?.payload as { step?: string } | undefined)?.step);
  return { otherKeyHandled: others.includes('c'), sameKeyHandled: others.includes('b') };
}

export async function queueUnacked(db: TestDatabase): Promise<{ backBeforeTimeout: boolean; backAfterTimeout: boolean }> {
  await emptyQueue(db);
  const clock = new VirtualClock();
  const queue = createWorkQueue(db.pool, clock, settings);
  const a = await queue.enqueue('order-2', { step: 'a' });
  await queue.claim();
  const before = await queue.claim();
  await clock.advance(settings.visibilityTimeoutMs);
  const after = await queue.claim();
  return { backBeforeTimeout: before?.id === a, backAfterTimeout: after?.id === a };
}

export async function queueAfterProcessing(db: TestDatabase): Promise<{ readAgain: boolean }> {
  await emptyQueue(db);
  const queue = createWorkQueue(db.pool, new VirtualClock(), settings);
  const a = await queue.enqueue('order-2', { step: 'a' });
  const job = await queue.claim();
  if (job?.id !== a) throw new Error('the claim did not hand out the only job');
  await queue.ack(job);
  return { readAgain: (await whereIsJob(db, a)) !== 'gone' };
}

export async function queueUnreadLongTime(db: TestDatabase): Promise<{ unreadKept: boolean }> {
  await emptyQueue(db);
  const clock = new VirtualClock();
  const queue = createWorkQueue(db.pool, clock, settings);
  const a = await queue.enqueue('order-2', { step: 'a' });
  // A month on the queue's clock, far past any retention a log would keep by default (7 days).
  await clock.advance(30 * 24 * 3600 * 1000);
  return { unreadKept: (await queue.claim())?.id === a };
}
