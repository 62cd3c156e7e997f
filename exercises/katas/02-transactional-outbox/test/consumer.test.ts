import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { createConsumer } from '../src/consumer.ts';
import type { OrderEvent } from '../src/events.ts';
import { checkoutDatabase, emptyTables } from './support/checkout-database.ts';
import { createEffectLog, effectFor, effectsApplied } from './support/course-effect.ts';
import { ageDedupRecords, sessionsWaitingOnLocks } from './support/dedup-records.ts';
import { aCancelledEvent, aPlacedEvent, OnePartition } from './support/deliveries.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await checkoutDatabase('kata2_consumer_examples');
  await createEffectLog(db);
});
beforeEach(() => emptyTables(db));
afterAll(() => db[Symbol.asyncDispose]());

const stock = 'stock-reservations';
const consumerOf = (consumerName: string, applyEffect = effectFor(consumerName)) =>
  createConsumer({ pool: db.pool, consumerName, applyEffect });

async function timesApplied(event: OrderEvent): Promise<number> {
  return (await effectsApplied(db)).get(event.id) ?? 0;
}

/** Handles the event, lets `meanwhile` happen, then hands it again, at a later offset, to a new instance. */
async function handledThenRedeliveredToAFreshInstance(event: OrderEvent, meanwhile: () => Promise<void> = async () => {}) {
  const partition = new OnePartition();
  await consumerOf(stock).handle(partition.deliver(event));
  await meanwhile();
  await consumerOf(stock).handle(partition.deliver(event));
}

describe('the idempotent consumer', () => {
  it('applies an event once when the relay republished it at a later offset', async () => {
    const partition = new OnePartition();
    const placed = aPlacedEvent('order-1');
    const consumer = consumerOf(stock);
    await consumer.handle(partition.deliver(placed));
    await consumer.handle(partition.deliver(aCancelledEvent('order-2')));
    await consumer.handle(partition.deliver(placed));
    expect(await timesApplied(placed), 'OrderPlaced order-1 at offsets 0 and 2: the same event, so one effect').toBe(1);
  });

  it('lets the error through and keeps the offset when the effect throws, then applies the event once when it comes again', async () => {
    const partition = new OnePartition();
    const placed = aPlacedEvent('order-1');
    const recordThenFail = async (client: pg.PoolClient, event: OrderEvent) => {
      await effectFor(stock)(client, event);
      throw new Error('stock service: SKU-A is locked for a stock count, try again later');
    };
    const first = partition.deliver(placed);
    await expect(consumerOf(stock, recordThenFail).handle(first), 'handle() must fail when the effect fails').rejects.toThrow(/stock count/);
    expect(await timesApplied(placed), 'an effect that threw must leave nothing behind (roll back its transaction)').toBe(0);
    expect(partition.wouldRedeliver(first), 'the offset was committed although the effect failed: the event is skipped for good').toBe(true);
    await consumerOf(stock).handle(partition.deliver(placed));
    expect(await timesApplied(placed), 'the redelivery after the failure must apply the event (was it recorded as done?)').toBe(1);
  });

  it('skips an event that a restarted instance receives again', async () => {
    const placed = aPlacedEvent('order-1');
    // The instance died before its offset reached the broker; a fresh one takes over.
    await handledThenRedeliveredToAFreshInstance(placed);
    expect(await timesApplied(placed), 'the record of applied events must outlive the instance (keep it in the database)').toBe(1);
  });

  it('still skips an event redelivered a year after it was first applied', async () => {
    const placed = aPlacedEvent('order-1');
    // A restarted instance, after a long outage or a replay of the topic from the start.
    await handledThenRedeliveredToAFreshInstance(placed, () => ageDedupRecords(db, 366));
    expect(await timesApplied(placed), 'a dedup record must outlive every redelivery: no window, no pruning of records still needed').toBe(1);
  });

  it('keeps each consumer\'s record apart: two consumers of the same event each apply it once', async () => {
    const placed = aPlacedEvent('order-1');
    await consumerOf(stock).handle(new OnePartition().deliver(placed));
    await consumerOf('receipt-emails').handle(new OnePartition().deliver(placed));
    const { rows } = await db.pool.query<{ consumer: string; n: number }>(
      /* sql */ `SELECT consumer, count(*)::int AS n FROM course_effect_log GROUP BY consumer ORDER BY consumer`,
    );
    expect(rows, 'each consumer name applies the event once (is the dedup record keyed by consumer and event id?)').toEqual([
      { consumer: 'receipt-emails', n: 1 },
      { consumer: stock, n: 1 },
    ]);
  });

  it('applies an event once when a second instance receives it while the first is still applying it', async () => {
    const placed = aPlacedEvent('order-1');
    let enteredA!: () => void;
    const aInEffect = new Promise<void>((resolve) => (enteredA = resolve));
    let releaseA!: () => void;
    const aMayFinish = new Promise<void>((resolve) => (releaseA = resolve));
    let bInEffect = false;
    const slowA = async (client: pg.PoolClient, event: OrderEvent) => {
      await effectFor(stock)(client, event);
      enteredA();
      await aMayFinish;
    };
    const watchedB = async (client: pg.PoolClient, event: OrderEvent) => {
      bInEffect = true;
      await effectFor(stock)(client, event);
    };
    const a = consumerOf(stock, slowA).handle(new OnePartition().deliver(placed));
    await Promise.race([
      aInEffect,
      a.then(() => expect.fail('instance A finished without calling applyEffect for a new event')),
    ]);
    let bSettled = false;
    const bDelivery = new OnePartition();
    const b = consumerOf(stock, watchedB)
      .handle(bDelivery.deliver(placed))
      .then(
        () => true,
        () => false,
      )
      .finally(() => (bSettled = true));
    // B goes as far as it can while A is inside its effect: it waits on A's lock, or it
    // fails, or (the mistake) it applies the event too.
    await vi.waitFor(async () => expect(bInEffect || bSettled || (await sessionsWaitingOnLocks(db)) > 0).toBe(true), { timeout: 10_000, interval: 20 });
    releaseA();
    await a;
    const bFinished = await b;
    // B failed (a unique violation, say): its offset stays, so the group hands it over again.
    if (!bFinished) await consumerOf(stock).handle(new OnePartition().deliver(placed));
    expect(await timesApplied(placed), 'A and B received OrderPlaced order-1 at once: one effect').toBe(1);
  });
});
