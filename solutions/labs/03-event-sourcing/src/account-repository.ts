import { type AccountCommand, type AccountEvent, type AccountState, currentSchemaVersion, initialState } from './account.ts';
import { decide, fold } from './decider.ts';
import type { EventStore } from './event-store.ts';
import type { SnapshotStore } from './snapshot-store.ts';
import { upcast } from './upcast.ts';

/** Take a snapshot whenever the stream's version reaches a multiple of this. */
export const snapshotEvery = 5;

export interface AccountDeps {
  store: EventStore;
  snapshots: SnapshotStore;
}

/**
 * The account's current state and the version it was folded from. With `useSnapshot`, starts
 * from the latest snapshot and folds only the events after it; without, folds from the first.
 */
export async function loadAccount(
  deps: AccountDeps,
  accountId: string,
  { useSnapshot = true }: { useSnapshot?: boolean } = {},
): Promise<{ state: AccountState; version: number }> {
  const snapshot = useSnapshot ? await deps.snapshots.load(accountId) : undefined;
  const from = snapshot ?? { version: 0, state: initialState };
  const later = await deps.store.readStream(accountId, from.version);
  return {
    state: fold(later.map(upcast), from.state),
    version: later.at(-1)?.version ?? from.version,
  };
}

/**
 * Handles one command: load, decide, append expecting the version that was loaded. A lost
 * race surfaces as ConcurrencyError (the caller reloads and retries); a refused command as
 * CommandRejected, with nothing appended.
 */
export async function handle(
  deps: AccountDeps,
  accountId: string,
  command: AccountCommand,
): Promise<{ version: number; events: AccountEvent[] }> {
  const { state, version } = await loadAccount(deps, accountId);
  const events = decide(command, state);
  const appended = await deps.store.append(
    accountId,
    version,
    events.map((event) => ({ type: event.type, schemaVersion: currentSchemaVersion[event.type], data: event.data })),
  );
  if (Math.floor(appended.version / snapshotEvery) > Math.floor(version / snapshotEvery)) {
    // Taken after the append committed: a snapshot is a cache, and losing one costs only time.
    await deps.snapshots.save(accountId, { version: appended.version, state: fold(events, state) });
  }
  return { version: appended.version, events };
}
