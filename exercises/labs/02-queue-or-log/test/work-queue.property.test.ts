import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { type ClaimedJob, createWorkQueue, type QueueSettings } from '../src/work-queue.ts';
import { emptyQueue, queueDatabase, whereIsJob } from './support/queue-database.ts';

const settings: QueueSettings = { visibilityTimeoutMs: 30_000, maxAttempts: 3 };

let db: TestDatabase;
beforeAll(async () => {
  db = await queueDatabase('lab2_queue_property');
});
afterAll(() => db?.[Symbol.asyncDispose]());

/** What a worker or the clock does next. */
type Step =
  | { kind: 'claim'; worker: number }
  | { kind: 'ack'; worker: number }
  | { kind: 'time passes'; ms: number }
  | { kind: 'enqueue' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('claim' as const), worker: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('ack' as const), worker: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('time passes' as const), ms: fc.constantFrom(1_000, 29_999, 30_000, 45_000) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'enqueue' as const }) },
);

describe('the PostgreSQL work queue under generated schedules', () => {
  it('never lets two workers hold a job at once, hands a job out at most maxAttempts times, and loses none', async () => {
    await assertProperty(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.array(stepArbitrary, { minLength: 1, maxLength: 25 }), async (initial, steps) => {
        await emptyQueue(db);
        const clock = new VirtualClock();
        const queue = createWorkQueue(db.pool, clock, settings);
        const timeline: string[] = [];
        const fail = (what: string) => {
          throw new Error(`${what}\nSchedule:\n  ${timeline.join('\n  ')}`);
        };
        const ids: string[] = [];
        for (let i = 0; i < initial; i++) ids.push(await queue.enqueue(`order-${i}`, { n: i }));
        // What each worker holds, and until when its claim hides the job.
        const held: ({ job: ClaimedJob; until: number } | undefined)[] = [undefined, undefined, undefined];
        const handedOut = new Map<string, number>();
        const acked = new Set<string>();
        for (const step of steps) {
          if (step.kind === 'enqueue') {
            ids.push(await queue.enqueue(`order-${ids.length}`, { n: ids.length }));
            timeline.push(`job ${ids.at(-1)} enqueued`);
          } else if (step.kind === 'time passes') {
            await clock.advance(step.ms);
            timeline.push(`${step.ms} ms pass`);
          } else if (step.kind === 'ack') {
            const mine = held[step.worker];
            if (!mine) continue;
            await queue.ack(mine.job);
            acked.add(mine.job.id);
            held[step.worker] = undefined;
            timeline.push(`worker ${step.worker} acks job ${mine.job.id}`);
          } else {
            const job = await queue.claim();
            timeline.push(job ? `worker ${step.worker} claims job ${job.id} (attempt ${job.attempt})` : `worker ${step.worker} claims nothing`);
            if (!job) continue;
            const now = clock.elapsedMs();
            const other = held.findIndex((h, w) => w !== step.worker && h?.job.id === job.id && h.until > now);
            if (other >= 0) fail(`Job ${job.id} was handed to worker ${step.worker} while worker ${other} still held it.`);
            if (acked.has(job.id)) fail(`Job ${job.id} was handed out again after it was acknowledged.`);
            const times = (handedOut.get(job.id) ?? 0) + 1;
            handedOut.set(job.id, times);
            if (times > settings.maxAttempts) fail(`Job ${job.id} was handed out ${times} times; maxAttempts is ${settings.maxAttempts}.`);
            held[step.worker] = { job, until: now + settings.visibilityTimeoutMs };
          }
        }
        for (const id of ids) {
          const place = await whereIsJob(db, id);
          if (acked.has(id) && place !== 'gone') fail(`Job ${id} was acknowledged but is still in ${place}.`);
          if (!acked.has(id) && place === 'gone') fail(`Job ${id} was never acknowledged, yet it is in neither jobs nor dead_letters.`);
        }
      }),
      { numRuns: 25 },
    );
  });
});
