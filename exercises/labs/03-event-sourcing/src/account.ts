/**
 * The bank account of this lab: its commands, its events (as they are today), its state, and
 * the error a refused command raises. Given: read it, don't change it.
 */

/** What a caller asks the account to do. Amounts are integers in minor units (cents). */
export type AccountCommand =
  | { type: 'OpenAccount'; accountId: string; overdraftLimitMinor: number }
  | { type: 'Deposit'; amountMinor: number }
  | { type: 'Withdraw'; amountMinor: number }
  | { type: 'CloseAccount' };

/** What happened to the account, in the current (newest) shape of each event type. */
export type AccountEvent =
  | { type: 'AccountOpened'; data: { accountId: string; overdraftLimitMinor: number } }
  | { type: 'MoneyDeposited'; data: { amountMinor: number } }
  | { type: 'MoneyWithdrawn'; data: { amountMinor: number } }
  | { type: 'AccountClosed'; data: Record<string, never> };

/**
 * The schema version each event type is written with today. `MoneyDeposited` and
 * `MoneyWithdrawn` were version 1 until amounts moved from decimal strings in major units
 * (`{ amount: "12.34" }`) to integers in minor units (`{ amountMinor: 1234 }`); the store still
 * holds version 1 events, written before the change.
 */
export const currentSchemaVersion = {
  AccountOpened: 1,
  MoneyDeposited: 2,
  MoneyWithdrawn: 2,
  AccountClosed: 1,
} as const satisfies Record<AccountEvent['type'], number>;

/**
 * The account as its history leaves it. `none`: no AccountOpened yet. The balance may go
 * below zero, down to minus the overdraft limit agreed when the account was opened.
 */
export interface AccountState {
  status: 'none' | 'open' | 'closed';
  accountId: string | null;
  balanceMinor: number;
  overdraftLimitMinor: number;
}

/** The state before the first event. */
export const initialState: AccountState = Object.freeze({
  status: 'none',
  accountId: null,
  balanceMinor: 0,
  overdraftLimitMinor: 0,
});

/** A command the account's rules refuse. Nothing is appended for it. */
export class CommandRejected extends Error {
  override name = 'CommandRejected';
  readonly command: AccountCommand;
  constructor(command: AccountCommand, reason: string) {
    super(`${command.type} refused: ${reason}`);
    this.command = command;
  }
}
