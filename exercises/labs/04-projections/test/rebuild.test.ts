import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { appendEvents } from '../src/event-log.ts';
import type { OrderEvent } from '../src/events.ts';
import { catchUp, projectionLag, rebuild } from '../src/projection.ts';
import { aHistory, anOrder, describeHistory } from './support/orders.ts';
import { emptyTables, projectionDatabase } from './support/projection-database.ts';
import { type CustomerRow, expectedReadModel, readModel } from './support/read-model.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await projectionDatabase('lab4_rebuild');
});
beforeEach(() => emptyTables(db));
afterAll(() => db[Symbol.asyncDispose]());

const history = (): OrderEvent[] => [
  ...anOrder('customer-a', 100),
  ...anOrder('customer-b', 200, 'shipped'),
  ...anOrder('customer-a', 300, 'cancelled'),
  ...anOrder('customer-c', 400),
];

/** A bug in an old version of the projection: it forgot the cancellations' refunds. */
async function corruptReadModel(): Promise<void> {
  await db.pool.query(/* sql */ `UPDATE customer_orders SET total_cents = total_cents + 300 WHERE customer_id = 'customer-a'`);
}

describe('rebuild', () => {
  it('replaces a wrong read model with one rebuilt from the first event', async () => {
    const events = history();
    await appendEvents(db.pool, events);
    await catchUp(db.pool);
    await corruptReadModel();
    await rebuild(db.pool, { batchSize: 2 });
    expect(await readModel(db)).toEqual(expectedReadModel(events));
    expect((await projectionLag(db.pool)).behind, 'the live projection is caught up after the swap').toBe(0);
  });

  it('keeps serving the old read model, whole, until the new one is swapped in', async () => {
    await appendEvents(db.pool, history());
    await catchUp(db.pool);
    await corruptReadModel();
    const before = await readModel(db);
    const seen: CustomerRow[][] = [];
    await rebuild(db.pool, { batchSize: 2, afterBatch: async () => void seen.push(await readModel(db)) });
    expect(seen.length, 'batches of 2 over 7 events').toBeGreaterThanOrEqual(3);
    for (const [i, rows] of seen.entries()) expect(rows, `customer_orders as readers saw it after rebuild batch ${i + 1}`).toEqual(before);
  });

  it('takes in events appended while it runs, each once, with the live projection still running', async () => {
    const events = history();
    await appendEvents(db.pool, events);
    await catchUp(db.pool);
    const during: OrderEvent[] = [];
    let batches = 0;
    await rebuild(db.pool, {
      batchSize: 2,
      afterBatch: async () => {
        if (++batches > 2) return;
        const more = anOrder(`customer-${batches === 1 ? 'a' : 'd'}`, 1_000 * batches, 'shipped');
        during.push(...more);
        await appendEvents(db.pool, more);
        // The live projection keeps the old table current while the rebuild runs, but the
        // second append is still waiting for it when the new table is swapped in.
        if (batches === 1) await catchUp(db.pool);
      },
    });
    await catchUp(db.pool);
    expect(await readModel(db), `after the rebuild and a live run; appended during the rebuild:\n${describeHistory(during)}`).toEqual(
      expectedReadModel([...events, ...during]),
    );
  });

  it('gives the same read model as the live projection, for generated histories', async () => {
    await assertProperty(
      fc.asyncProperty(aHistory(10), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), async (events, liveBatch, rebuildBatch) => {
        await emptyTables(db);
        await appendEvents(db.pool, events);
        await catchUp(db.pool, { batchSize: liveBatch });
        const live = await readModel(db);
        await rebuild(db.pool, { batchSize: rebuildBatch });
        const rebuilt = await readModel(db);
        const story = `live batches of ${liveBatch}, rebuild batches of ${rebuildBatch}\n${describeHistory(events)}`;
        expect(live, `the live read model\n${story}`).toEqual(expectedReadModel(events));
        expect(rebuilt, `the rebuilt read model\n${story}`).toEqual(live);
      }),
      { numRuns: 10 },
    );
  });
});
