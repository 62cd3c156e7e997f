import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { type AccountCommand, CommandRejected } from '../src/account.ts';
import { type AccountDeps, handle, loadAccount, snapshotEvery } from '../src/account-repository.ts';
import { fold } from '../src/decider.ts';
import { createEventStore, type EventStore } from '../src/event-store.ts';
import { createSnapshotStore } from '../src/snapshot-store.ts';
import { upcast } from '../src/upcast.ts';
import { anAccountId, bankDatabase } from './support/bank-database.ts';
import { aCommandSequence, runCommands } from './support/histories.ts';
import { race } from './support/race.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await bankDatabase('lab3_account_repository');
});
afterAll(() => db[Symbol.asyncDispose]());

const deps = (pool = db.pool): AccountDeps => ({ store: createEventStore(pool), snapshots: createSnapshotStore(pool) });

/** Runs commands through handle, skipping the ones the rules refuse, as a caller would. */
async function handleAll(accountId: string, commands: readonly AccountCommand[], on = deps()): Promise<void> {
  for (const command of commands) {
    await handle(on, accountId, command).catch((error: unknown) => {
      if (!(error instanceof CommandRejected)) throw error;
    });
  }
}

const twelveEvents = (accountId: string): AccountCommand[] => [
  { type: 'OpenAccount', accountId, overdraftLimitMinor: 1_000 },
  ...Array.from({ length: 11 }, (_, i): AccountCommand => (i % 3 === 2 ? { type: 'Withdraw', amountMinor: 70 + i } : { type: 'Deposit', amountMinor: 100 * (i + 1) })),
];

describe('handle and loadAccount', () => {
  it('appends the decided events and folds them back on load', async () => {
    const id = anAccountId();
    await handleAll(id, [{ type: 'OpenAccount', accountId: id, overdraftLimitMinor: 0 }, { type: 'Deposit', amountMinor: 500 }]);
    expect(await loadAccount(deps(), id)).toEqual({ version: 2, state: { status: 'open', accountId: id, balanceMinor: 500, overdraftLimitMinor: 0 } });
  });

  it('appends nothing for a refused command', async () => {
    const id = anAccountId();
    await handleAll(id, [{ type: 'OpenAccount', accountId: id, overdraftLimitMinor: 0 }]);
    await expect(handle(deps(), id, { type: 'Withdraw', amountMinor: 1 })).rejects.toBeInstanceOf(CommandRejected);
    expect((await loadAccount(deps(), id)).version).toBe(1);
  });

  it(`takes a snapshot when the stream reaches a multiple of ${snapshotEvery} events`, async () => {
    const id = anAccountId();
    await handleAll(id, twelveEvents(id));
    const snapshot = await createSnapshotStore(db.pool).load(id);
    expect(snapshot?.version, 'the latest snapshot\'s version after 12 events').toBe(10);
    const events = await createEventStore(db.pool).readStream(id);
    expect(snapshot!.state, 'the snapshot holds the fold of the first 10 events').toEqual(fold(events.slice(0, 10).map(upcast)));
  });

  it('loads the same state and version with and without the snapshot', async () => {
    const id = anAccountId();
    await handleAll(id, twelveEvents(id));
    const withSnapshot = await loadAccount(deps(), id);
    const fromTheStart = await loadAccount(deps(), id, { useSnapshot: false });
    expect(withSnapshot, 'loaded from the snapshot at 10 and the two events after it').toEqual(fromTheStart);
    expect(fromTheStart.version).toBe(12);
  });

  it('reads only the events after the snapshot when it has one', async () => {
    const id = anAccountId();
    await handleAll(id, twelveEvents(id));
    const store = createEventStore(db.pool);
    const reads: (number | undefined)[] = [];
    const watched: EventStore = { append: store.append, readStream: (streamId, after) => (reads.push(after), store.readStream(streamId, after)) };
    await loadAccount({ store: watched, snapshots: createSnapshotStore(db.pool) }, id);
    expect(reads, 'the afterVersion of each readStream call').toEqual([10]);
  });

  it('handles a command after a snapshot, appending at the stream\'s version, not the snapshot\'s', async () => {
    const id = anAccountId();
    await handleAll(id, twelveEvents(id));
    expect((await handle(deps(), id, { type: 'Deposit', amountMinor: 1 })).version).toBe(13);
  });

  it('folds a stream of version 1 events written before the amounts changed shape', async () => {
    const id = anAccountId();
    await createEventStore(db.pool).append(id, 0, [
      { type: 'AccountOpened', schemaVersion: 1, data: { accountId: id, overdraftLimitMinor: 0 } },
      { type: 'MoneyDeposited', schemaVersion: 1, data: { amount: '10.29' } },
      { type: 'MoneyWithdrawn', schemaVersion: 1, data: { amount: '0.29' } },
    ]);
    expect((await loadAccount(deps(), id)).state.balanceMinor).toBe(1_000);
    await expect(handle(deps(), id, { type: 'Withdraw', amountMinor: 1_001 }), 'withdrawing 10.01 from 10.00').rejects.toBeInstanceOf(CommandRejected);
  });

  it('never overdraws when two withdrawals of 60 from a balance of 100 run at once on two connections', async () => {
    const id = anAccountId();
    await handleAll(id, [{ type: 'OpenAccount', accountId: id, overdraftLimitMinor: 0 }, { type: 'Deposit', amountMinor: 100 }]);
    const withdraw = (pool: typeof db.pool) => handle(deps(pool), id, { type: 'Withdraw', amountMinor: 60 });
    const [a, b] = await race(db, withdraw, withdraw);
    const { state, version } = await loadAccount(deps(), id, { useSnapshot: false });
    expect(state.balanceMinor, 'balance after both withdrawals').toBe(40);
    expect(version, 'events stored: opened, deposited, one withdrawal').toBe(3);
    expect([a.ok, b.ok].filter(Boolean), 'withdrawals that succeeded').toHaveLength(1);
  });

  it('loads the same state with and without snapshots for generated histories', async () => {
    await assertProperty(
      fc.asyncProperty(aCommandSequence('x', 16), async (template) => {
        const id = anAccountId();
        const commands = template.map((c) => (c.type === 'OpenAccount' ? { ...c, accountId: id } : c));
        await handleAll(id, commands);
        const expected = runCommands(commands);
        const withSnapshot = await loadAccount(deps(), id);
        const fromTheStart = await loadAccount(deps(), id, { useSnapshot: false });
        const story = `\n${expected.timeline.join('\n')}`;
        expect(fromTheStart.state, `loaded from the first event${story}`).toEqual(expected.state);
        expect(withSnapshot, `loaded from the latest snapshot${story}`).toEqual(fromTheStart);
      }),
      { numRuns: 12 },
    );
  });
});
