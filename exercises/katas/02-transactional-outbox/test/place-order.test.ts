import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAjv, expectMatchesSchema } from '#graders/testkit/harness/ajv.ts';
import { planFor } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { cancelOrder, placeOrder } from '../src/place-order.ts';
import { checkoutDatabase, countRows, emptyTables, hasColumn, outboxRowsFor, storedOrders } from './support/checkout-database.ts';
import { aCause, anOrder } from './support/orders.ts';

let db: TestDatabase;
const clock = new VirtualClock();
beforeAll(async () => {
  db = await checkoutDatabase('kata2_place_order');
});
beforeEach(() => emptyTables(db));
afterAll(() => db[Symbol.asyncDispose]());

const deps = (publisher = new RecordingPublisher()) => ({ pool: db.pool, clock, publisher });

describe('schema.sql', () => {
  it('creates orders, an outbox with published_at, and processed_events', async () => {
    expect(await hasColumn(db, 'outbox', 'published_at'), 'outbox.published_at: the relay marks rows there').toBe(true);
    expect(await hasColumn(db, 'processed_events', 'event_id'), 'processed_events.event_id: the consumer records events there').toBe(true);
    const { rowCount } = await db.pool.query(/* sql */ `SELECT 1 FROM information_schema.tables WHERE table_name = 'orders'`);
    expect(rowCount, 'an orders table').toBe(1);
  });

  it('indexes the outbox for the relay\'s question: which rows are unpublished', async () => {
    const { rows } = await db.pool.query<{ definition: string }>(
      /* sql */ `SELECT indexdef AS definition FROM pg_indexes WHERE tablename = 'outbox'`,
    );
    const coversPending = rows.some((r) => /published_at/.test(r.definition));
    expect(coversPending, `an outbox index that involves published_at (found: ${rows.map((r) => r.definition).join('; ')})`).toBe(true);
  });
});

describe('placeOrder', () => {
  it('stores the order and an OrderPlaced event in the outbox, unpublished', async () => {
    const order = anOrder();
    const { eventId } = await placeOrder(deps(), order, aCause());
    expect(await storedOrders(db, order.orderId), 'the order row').toBe(1);
    const rows = (await outboxRowsFor(db, [eventId])).get(eventId)!;
    expect(rows, 'exactly one outbox row for the event').toHaveLength(1);
    expect(rows[0]!.publishedAt, 'a new row is not yet published').toBeNull();
  });

  it('stores the envelope from Kata 1 as JSONB, valid against the course envelope schema', async () => {
    const order = anOrder();
    const cause = aCause();
    const { eventId } = await placeOrder(deps(), order, cause);
    const { rows } = await db.pool.query<{ envelope: Record<string, unknown> }>(
      /* sql */ `SELECT value AS envelope FROM outbox o, jsonb_each(to_jsonb(o)) WHERE jsonb_typeof(value) = 'object' AND value->>'id' = $1`,
      [eventId],
    );
    expect(rows, 'a jsonb column holding the whole envelope').toHaveLength(1);
    const envelope = rows[0]!.envelope;
    const validate = createAjv().getSchema('https://course.invalid/schemas/event-envelope.schema.json')!;
    expectMatchesSchema(validate, envelope, 'the stored OrderPlaced envelope');
    expect(envelope).toMatchObject({ type: 'OrderPlaced', correlationId: cause.correlationId, causationId: cause.commandId });
  });

  it('writes nothing to the broker itself: the relay does that', async () => {
    const publisher = new RecordingPublisher();
    await placeOrder(deps(publisher), anOrder(), aCause());
    expect(publisher.messages, 'messages placeOrder published directly (a dual write)').toEqual([]);
  });

  it('stores neither the order nor its event when the process dies before COMMIT', async () => {
    const order = anOrder();
    const process = simulatedProcess({ pool: db.pool, publisher: new RecordingPublisher(), plan: planFor('before-commit') });
    const outcome = await process.run(placeOrder({ pool: process.pool, clock, publisher: process.publisher }, order, aCause()));
    expect(outcome.finished, 'the process died before COMMIT').toBe(false);
    expect(await storedOrders(db, order.orderId), 'order rows after the crash').toBe(0);
    expect(await countRows(db, 'outbox'), 'outbox rows after the crash').toBe(0);
  });

  it('keeps both when the database commits but the process dies before returning', async () => {
    const order = anOrder();
    const broker = new RecordingPublisher();
    const process = simulatedProcess({ pool: db.pool, publisher: broker, plan: planFor('after-commit') });
    const outcome = await process.run(placeOrder({ pool: process.pool, clock, publisher: process.publisher }, order, aCause()));
    expect(outcome.finished, 'the process died after COMMIT').toBe(false);
    expect(await storedOrders(db, order.orderId), 'the committed order').toBe(1);
    expect(await countRows(db, 'outbox', 'published_at IS NULL'), 'its event waits in the outbox for the relay').toBe(1);
  });

  it('refuses an order id that already exists and leaves no event behind', async () => {
    const order = anOrder();
    await placeOrder(deps(), order, aCause());
    await expect(placeOrder(deps(), order, aCause())).rejects.toThrow();
    expect(await countRows(db, 'outbox'), 'outbox rows: only the first order\'s event').toBe(1);
  });
});

describe('cancelOrder', () => {
  it('records OrderCancelled for a placed order', async () => {
    const order = anOrder();
    await placeOrder(deps(), order, aCause());
    const { eventId } = await cancelOrder(deps(), order.orderId, 'customer changed their mind', aCause());
    expect((await outboxRowsFor(db, [eventId])).get(eventId), 'one outbox row for OrderCancelled').toHaveLength(1);
  });

  it('refuses the same cancellation a second time, writing no second OrderCancelled', async () => {
    const order = anOrder();
    await placeOrder(deps(), order, aCause());
    await cancelOrder(deps(), order.orderId, 'customer changed their mind', aCause());
    await expect(cancelOrder(deps(), order.orderId, 'customer changed their mind', aCause()), 'cancelling a cancelled order').rejects.toThrow();
    expect(await countRows(db, 'outbox'), 'outbox rows: OrderPlaced and one OrderCancelled').toBe(2);
  });

  it('refuses to cancel an order that was never placed, writing no event', async () => {
    await expect(cancelOrder(deps(), 'order-missing', 'typo', aCause())).rejects.toThrow();
    expect(await countRows(db, 'outbox'), 'outbox rows after a refused cancellation').toBe(0);
  });
});
