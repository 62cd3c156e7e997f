import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { createRelay } from '../src/relay.ts';
import { checkoutDatabase, countRows, emptyTables } from './support/checkout-database.ts';
import { placeOrders } from './support/checkout.ts';
import { failOutboxWrites, healOutboxWrites } from './support/database-faults.ts';
import type { PlacedEvent } from './support/outbox-invariants.ts';
import { asTopic, deliveriesById } from './support/topic.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await checkoutDatabase('kata2_relay_db_errors');
});
beforeEach(async () => {
  await healOutboxWrites(db);
  await emptyTables(db);
});
afterAll(() => db[Symbol.asyncDispose]());

const topic = 'orders';

async function expectAllPublished(broker: RecordingPublisher, events: PlacedEvent[]) {
  expect(await countRows(db, 'outbox', 'published_at IS NULL'), 'rows still unpublished after the database recovered').toBe(0);
  const onTopic = deliveriesById(asTopic(broker));
  for (const event of events) expect(onTopic.get(event.eventId) ?? 0, `${event.label} on the topic`).toBeGreaterThanOrEqual(1);
}

describe('the polling relay when a pass fails with a database error', () => {
  it('publishes everything on its next pass, over the very connection that failed', async () => {
    const events = await placeOrders(db, 3);
    await failOutboxWrites(db, 1);
    // One connection, so the pass after the failure gets the connection that failed.
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    const broker = new RecordingPublisher();
    const clock = new VirtualClock();
    try {
      const relay = createRelay({ pool, publisher: broker, clock, topic, batchSize: 10 });
      await expect(relay.runOnce(), 'runOnce() lets the database error reach its caller').rejects.toThrow(/No space left/);
      await clock.advance(10 * 60_000);
      await relay.runOnce().catch((error: Error) => {
        throw new Error(`the pass after the database error failed too (${error.message}): roll back a failed transaction before releasing its connection`);
      });
    } finally {
      await pool.end();
    }
    await expectAllPublished(broker, events);
  });

  it('keeps run() going: it waits and tries again instead of stopping', async () => {
    const events = await placeOrders(db, 3);
    await failOutboxWrites(db, 2);
    const broker = new RecordingPublisher();
    const clock = new VirtualClock();
    const stop = new AbortController();
    // Listen for the first sleep before run() starts, so none is missed.
    let sleep = clock.nextSleep();
    const running = createRelay({ pool: db.pool, publisher: broker, clock, topic, batchSize: 10 }).run(stop.signal);
    const stopped = running.then(
      () => 'run() returned',
      (error: Error) => `run() stopped with the database error (${error.message})`,
    );
    for (let round = 0; round < 10; round++) {
      const next = await Promise.race([sleep, stopped]);
      if (typeof next === 'string') throw new Error(`${next} before it was told to stop: a failed pass must not end the relay`);
      if ((await countRows(db, 'outbox', 'published_at IS NULL')) === 0) break;
      sleep = clock.nextSleep();
      await clock.advance(next);
    }
    stop.abort();
    await running;
    await expectAllPublished(broker, events);
  });
});
