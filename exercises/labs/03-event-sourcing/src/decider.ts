import { type AccountCommand, type AccountEvent, type AccountState, initialState } from './account.ts';

/**
 * The account's rules: which events a command produces in a given state, or CommandRejected
 * saying why not. Pure: it reads nothing but its arguments.
 */
export function decide(command: AccountCommand, state: AccountState): AccountEvent[] {
  throw new Error(`TODO: decide ${command.type} on an account that is ${state.status}; see README "What to produce", step 1.`);
}

/** One event applied to the state: a new state, the given one left as it was. Never refuses. */
export function evolve(state: AccountState, event: AccountEvent): AccountState {
  throw new Error(`TODO: apply ${event.type} to the state; see README "What to produce", step 1.`);
}

/** The state a history leaves, starting from `from` (a snapshot) or from the beginning. */
export function fold(events: readonly AccountEvent[], from: AccountState = initialState): AccountState {
  throw new Error(`TODO: fold ${events.length} event(s) with evolve, starting from ${from.status}; see README step 1.`);
}
