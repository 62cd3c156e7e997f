import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { appendEvents } from '../src/event-log.ts';
import { catchUp, projectionLag, runProjection } from '../src/projection.ts';
import { anOrder } from './support/orders.ts';
import { appendThenRollBack, emptyTables, projectionDatabase } from './support/projection-database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await projectionDatabase('lab4_lag');
});
beforeEach(() => emptyTables(db));
afterAll(() => db[Symbol.asyncDispose]());

describe('projectionLag', () => {
  it('reports every event as behind before the projection has ever run', async () => {
    await appendEvents(db.pool, [...anOrder('customer-a', 100, 'shipped'), ...anOrder('customer-b', 5)]);
    expect(await projectionLag(db.pool)).toEqual({ checkpoint: 0, head: 3, behind: 3 });
  });

  it('reports 0 behind when caught up, and the events appended since', async () => {
    await appendEvents(db.pool, anOrder('customer-a', 100));
    await catchUp(db.pool);
    expect(await projectionLag(db.pool)).toEqual({ checkpoint: 1, head: 1, behind: 0 });
    await appendEvents(db.pool, [...anOrder('customer-a', 1, 'shipped'), ...anOrder('customer-b', 2)]);
    expect(await projectionLag(db.pool)).toEqual({ checkpoint: 1, head: 4, behind: 3 });
    await runProjection(db.pool, { batchSize: 2 });
    expect((await projectionLag(db.pool)).behind, 'after a batch of 2').toBe(1);
  });

  it('counts events, not positions: a rolled-back append leaves a gap that is no event', async () => {
    await appendEvents(db.pool, anOrder('customer-a', 100));
    await catchUp(db.pool);
    await appendThenRollBack(db);
    await appendThenRollBack(db);
    await appendEvents(db.pool, anOrder('customer-b', 200, 'shipped'));
    expect(await projectionLag(db.pool), 'positions 2 and 3 were rolled back; 4 and 5 are events').toEqual({ checkpoint: 1, head: 5, behind: 2 });
  });
});
