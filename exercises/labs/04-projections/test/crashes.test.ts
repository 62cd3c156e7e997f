import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planFor } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import type { CrashPoint } from '#graders/testkit/faults/crash-points.ts';
import { appendEvents } from '../src/event-log.ts';
import { catchUp } from '../src/projection.ts';
import { aHistory, anOrder, describeHistory } from './support/orders.ts';
import { emptyTables, projectionDatabase } from './support/projection-database.ts';
import { expectedReadModel, readModel } from './support/read-model.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await projectionDatabase('lab4_crashes');
});
beforeEach(() => emptyTables(db));
afterAll(() => db[Symbol.asyncDispose]());

/** Runs catchUp as a process that dies at `point`; reports whether it died. */
async function catchUpDyingAt(point: CrashPoint, batchSize: number): Promise<boolean> {
  const process = simulatedProcess({ pool: db.pool, publisher: new RecordingPublisher(), plan: planFor(point) });
  const outcome = await process.run(catchUp(process.pool, { batchSize }));
  return !outcome.finished;
}

describe('the projection when its process dies', () => {
  it('changes nothing when it dies right after its first COMMIT and a new process takes over', async () => {
    const events = [...anOrder('customer-a', 100), ...anOrder('customer-a', 200, 'shipped'), ...anOrder('customer-b', 300)];
    await appendEvents(db.pool, events);
    expect(await catchUpDyingAt('after-commit', 2), 'the process died after its first COMMIT').toBe(true);
    await catchUp(db.pool, { batchSize: 2 });
    expect(await readModel(db), 'each of the 4 events applied once').toEqual(expectedReadModel(events));
  });

  it('changes nothing when it dies just before COMMIT and a new process takes over', async () => {
    const events = [...anOrder('customer-a', 100), ...anOrder('customer-b', 300, 'cancelled')];
    await appendEvents(db.pool, events);
    expect(await catchUpDyingAt('before-commit', 10), 'the process died before COMMIT').toBe(true);
    await catchUp(db.pool);
    expect(await readModel(db)).toEqual(expectedReadModel(events));
  });

  it('changes nothing wherever it dies, however often the log is redelivered', async () => {
    await assertProperty(
      fc.asyncProperty(aHistory(8), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 40 }), async (events, batchSize, afterCalls) => {
        await emptyTables(db);
        await appendEvents(db.pool, events);
        const died = await catchUpDyingAt({ afterCalls }, batchSize);
        await catchUp(db.pool, { batchSize });
        // A second run over the same log: a redelivery of everything already applied.
        await catchUp(db.pool, { batchSize });
        const where = died ? `died after call ${afterCalls}` : 'finished before the crash point';
        expect(await readModel(db), `batch size ${batchSize}, first projector ${where}, then two full runs\n${describeHistory(events)}`).toEqual(
          expectedReadModel(events),
        );
      }),
      { numRuns: 15 },
    );
  });
});
