import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { appendEvents } from '../src/event-log.ts';
import { catchUp, runProjection } from '../src/projection.ts';
import { anOrder } from './support/orders.ts';
import { emptyTables, projectionDatabase } from './support/projection-database.ts';
import { race } from './support/race.ts';
import { expectedReadModel, readModel } from './support/read-model.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await projectionDatabase('lab4_projection');
});
beforeEach(() => emptyTables(db));
afterAll(() => db[Symbol.asyncDispose]());

describe('the customer_orders projection', () => {
  it('folds placed, shipped and cancelled orders into one row per customer', async () => {
    const events = [
      ...anOrder('customer-a', 1_000),
      ...anOrder('customer-a', 2_500, 'shipped'),
      ...anOrder('customer-b', 700, 'cancelled'),
      ...anOrder('customer-a', 300, 'cancelled'),
    ];
    await appendEvents(db.pool, events);
    await catchUp(db.pool);
    expect(await readModel(db)).toEqual([
      { customer_id: 'customer-a', orders_placed: 3, open_orders: 1, total_cents: 3_500 },
      { customer_id: 'customer-b', orders_placed: 1, open_orders: 0, total_cents: 0 },
    ]);
  });

  it('applies at most batchSize events per run and picks up where it stopped', async () => {
    const events = [...anOrder('customer-a', 100), ...anOrder('customer-a', 200), ...anOrder('customer-b', 300, 'shipped')];
    await appendEvents(db.pool, events);
    expect(await runProjection(db.pool, { batchSize: 3 }), 'events applied by the first run').toBe(3);
    expect(await readModel(db), 'after the first batch').toEqual(expectedReadModel(events.slice(0, 3)));
    expect(await runProjection(db.pool, { batchSize: 3 }), 'events applied by the second run').toBe(1);
    expect(await runProjection(db.pool, { batchSize: 3 }), 'events applied once caught up').toBe(0);
    expect(await readModel(db)).toEqual(expectedReadModel(events));
  });

  it('applies nothing twice when it runs again over a log it has already applied', async () => {
    const events = [...anOrder('customer-a', 100, 'shipped'), ...anOrder('customer-b', 250)];
    await appendEvents(db.pool, events);
    await catchUp(db.pool);
    await catchUp(db.pool);
    await runProjection(db.pool);
    expect(await readModel(db)).toEqual(expectedReadModel(events));
  });

  it('backfills the whole history when it runs for the first time on a log that already has one', async () => {
    const history = [...anOrder('customer-a', 100), ...anOrder('customer-b', 900, 'cancelled'), ...anOrder('customer-c', 50, 'shipped')];
    await appendEvents(db.pool, history);
    const later = anOrder('customer-a', 5);
    await catchUp(db.pool);
    await appendEvents(db.pool, later);
    await catchUp(db.pool);
    expect(await readModel(db), 'a projection added after 6 events were logged').toEqual(expectedReadModel([...history, ...later]));
  });

  it('applies each event once when two projectors run at once on two connections', async () => {
    const first = anOrder('customer-a', 100);
    await appendEvents(db.pool, first);
    await catchUp(db.pool);
    const next = [...anOrder('customer-a', 200), ...anOrder('customer-b', 300)];
    await appendEvents(db.pool, next);
    const [a, b] = await race(db, (pool) => runProjection(pool), (pool) => runProjection(pool));
    expect(a.ok && b.ok, `both projectors finish (errors: ${[a, b].map((r) => (r.ok ? 'none' : String(r.error))).join('; ')})`).toBe(true);
    await catchUp(db.pool);
    expect(await readModel(db), 'A stopped inside its batch while B ran').toEqual(expectedReadModel([...first, ...next]));
  });
});
