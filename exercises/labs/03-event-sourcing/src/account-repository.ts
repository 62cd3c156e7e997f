import type { AccountCommand, AccountEvent, AccountState } from './account.ts';
import type { EventStore } from './event-store.ts';
import type { SnapshotStore } from './snapshot-store.ts';

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
  void deps;
  throw new Error(`TODO: load ${accountId} (${useSnapshot ? 'from its snapshot' : 'from the first event'}); see README step 5.`);
}

/**
 * Handles one command: load, decide, append expecting the version that was loaded, and take
 * a snapshot when the new version crosses a multiple of snapshotEvery.
 */
export async function handle(
  deps: AccountDeps,
  accountId: string,
  command: AccountCommand,
): Promise<{ version: number; events: AccountEvent[] }> {
  void deps;
  throw new Error(`TODO: handle ${command.type} on ${accountId}; see README "What to produce", step 5.`);
}
