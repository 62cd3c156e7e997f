import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { createEventStore } from '../src/event-store.ts';
import { ConcurrencyError, type NewEvent } from '../src/stored-event.ts';
import { anAccountId, bankDatabase } from './support/bank-database.ts';
import { race } from './support/race.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await bankDatabase('lab3_event_store');
});
afterAll(() => db[Symbol.asyncDispose]());

const deposit = (amountMinor: number): NewEvent => ({ type: 'MoneyDeposited', schemaVersion: 2, data: { amountMinor } });
const opened = (accountId: string): NewEvent => ({ type: 'AccountOpened', schemaVersion: 1, data: { accountId, overdraftLimitMinor: 0 } });

/** The stream as stored: version and amount of each event, read back through the store. */
async function storedStream(streamId: string) {
  const events = await createEventStore(db.pool).readStream(streamId);
  return events.map((e) => ({ version: e.version, type: e.type, amountMinor: e.data.amountMinor }));
}

describe('the event store', () => {
  it('numbers a new stream\'s events 1, 2, 3 and reads them back in order, with their schema versions', async () => {
    const store = createEventStore(db.pool);
    const id = anAccountId();
    expect(await store.append(id, 0, [opened(id), deposit(100)])).toEqual({ version: 2 });
    expect(await store.append(id, 2, [deposit(250)])).toEqual({ version: 3 });
    const events = await store.readStream(id);
    expect(events.map((e) => [e.streamId, e.version, e.type, e.schemaVersion])).toEqual([
      [id, 1, 'AccountOpened', 1],
      [id, 2, 'MoneyDeposited', 2],
      [id, 3, 'MoneyDeposited', 2],
    ]);
    expect(events[2]!.data).toEqual({ amountMinor: 250 });
  });

  it('reads only the events after a given version', async () => {
    const store = createEventStore(db.pool);
    const id = anAccountId();
    await store.append(id, 0, [opened(id), deposit(1), deposit(2), deposit(3)]);
    expect((await store.readStream(id, 2)).map((e) => e.version)).toEqual([3, 4]);
    expect(await store.readStream(id, 4)).toEqual([]);
  });

  it('keeps streams apart: each has its own version 1', async () => {
    const store = createEventStore(db.pool);
    const [a, b] = [anAccountId(), anAccountId()];
    await store.append(a, 0, [opened(a)]);
    await store.append(b, 0, [opened(b)]);
    expect((await store.readStream(b)).map((e) => e.streamId)).toEqual([b]);
  });

  it('refuses an append that expects an older version, and stores nothing of it', async () => {
    const store = createEventStore(db.pool);
    const id = anAccountId();
    await store.append(id, 0, [opened(id), deposit(100)]);
    await expect(store.append(id, 1, [deposit(999)]), 'expected version 1 on a stream at 2').rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append(id, 0, [opened(id)]), 'expected version 0 on a stream at 2').rejects.toBeInstanceOf(ConcurrencyError);
    expect(await storedStream(id)).toHaveLength(2);
  });

  it('refuses an append that expects a version the stream has not reached, leaving no gap', async () => {
    const store = createEventStore(db.pool);
    const id = anAccountId();
    await store.append(id, 0, [opened(id), deposit(100)]);
    await expect(store.append(id, 5, [deposit(999)]), 'expected version 5 on a stream at 2').rejects.toBeInstanceOf(ConcurrencyError);
    expect((await storedStream(id)).map((e) => e.version)).toEqual([1, 2]);
  });

  it('stores none of a batch when one of its events cannot be stored', async () => {
    const store = createEventStore(db.pool);
    const id = anAccountId();
    await store.append(id, 0, [opened(id)]);
    // PostgreSQL's jsonb refuses the NUL character: the second event of the batch fails.
    const unstorable: NewEvent = { type: 'MoneyDeposited', schemaVersion: 2, data: { amountMinor: 5, note: 'nul \u0000 here' } };
    await expect(store.append(id, 1, [deposit(100), unstorable, deposit(200)])).rejects.toThrow();
    expect((await storedStream(id)).map((e) => e.version), 'the stream after a failed batch of three').toEqual([1]);
    expect(await store.append(id, 1, [deposit(100)]), 'the stream is still at version 1').toEqual({ version: 2 });
  });

  it('lets exactly one of two appends expecting the same version win, on two connections at once', async () => {
    const id = anAccountId();
    await createEventStore(db.pool).append(id, 0, [opened(id)]);
    const [a, b] = await race(
      db,
      (pool) => createEventStore(pool).append(id, 1, [deposit(100)]),
      (pool) => createEventStore(pool).append(id, 1, [deposit(200)]),
    );
    const stream = await storedStream(id);
    expect(stream.map((e) => e.version), 'versions stored: the writer that lost must store nothing').toEqual([1, 2]);
    expect([a.ok, b.ok].filter(Boolean), 'appends that succeeded').toHaveLength(1);
    const winner = a.ok ? 100 : 200;
    expect(stream[1]!.amountMinor, 'version 2 is the winner\'s deposit').toBe(winner);
    const loser = a.ok ? b : a;
    expect(loser.ok ? undefined : loser.error, 'the loser hears ConcurrencyError, so it knows to reload and retry').toBeInstanceOf(ConcurrencyError);
  });

  it('lets exactly one of two writers start the same new stream', async () => {
    const id = anAccountId();
    const [a, b] = await race(
      db,
      (pool) => createEventStore(pool).append(id, 0, [opened(id)]),
      (pool) => createEventStore(pool).append(id, 0, [opened(id), deposit(5)]),
    );
    expect([a.ok, b.ok].filter(Boolean), 'appends that succeeded').toHaveLength(1);
    expect((await storedStream(id)).length, 'events stored: the winner\'s only').toBe(a.ok ? 1 : 2);
    const loser = a.ok ? b : a;
    expect(loser.ok ? undefined : loser.error).toBeInstanceOf(ConcurrencyError);
  });
});
