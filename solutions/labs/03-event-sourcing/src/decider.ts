import { type AccountCommand, type AccountEvent, type AccountState, CommandRejected, initialState } from './account.ts';

/**
 * The account's rules: which events a command produces in a given state, or why it is
 * refused. Pure: it reads nothing but its arguments, so the same state always decides the same.
 */
export function decide(command: AccountCommand, state: AccountState): AccountEvent[] {
  const refuse = (reason: string) => new CommandRejected(command, reason);
  if (command.type === 'OpenAccount') {
    if (state.status !== 'none') throw refuse(`account ${state.accountId} is already opened`);
    if (!isWholeAmount(command.overdraftLimitMinor, 0)) throw refuse('the overdraft limit must be a whole number of cents, 0 or more');
    return [{ type: 'AccountOpened', data: { accountId: command.accountId, overdraftLimitMinor: command.overdraftLimitMinor } }];
  }
  if (state.status !== 'open') throw refuse(`the account is ${state.status === 'none' ? 'not opened' : 'closed'}`);
  switch (command.type) {
    case 'Deposit':
      if (!isWholeAmount(command.amountMinor, 1)) throw refuse('the amount must be a whole number of cents above 0');
      return [{ type: 'MoneyDeposited', data: { amountMinor: command.amountMinor } }];
    case 'Withdraw': {
      if (!isWholeAmount(command.amountMinor, 1)) throw refuse('the amount must be a whole number of cents above 0');
      const after = state.balanceMinor - command.amountMinor;
      if (after < -state.overdraftLimitMinor) {
        throw refuse(`the balance would be ${after}, below the overdraft limit of ${state.overdraftLimitMinor}`);
      }
      return [{ type: 'MoneyWithdrawn', data: { amountMinor: command.amountMinor } }];
    }
    case 'CloseAccount':
      if (state.balanceMinor !== 0) throw refuse(`the balance is ${state.balanceMinor}, not 0`);
      return [{ type: 'AccountClosed', data: {} }];
  }
}

/**
 * One event applied to the state. It never refuses: an event is a fact that already
 * happened, and replaying history must not depend on today's rules.
 */
export function evolve(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'AccountOpened':
      return { status: 'open', accountId: event.data.accountId, balanceMinor: 0, overdraftLimitMinor: event.data.overdraftLimitMinor };
    case 'MoneyDeposited':
      return { ...state, balanceMinor: state.balanceMinor + event.data.amountMinor };
    case 'MoneyWithdrawn':
      return { ...state, balanceMinor: state.balanceMinor - event.data.amountMinor };
    case 'AccountClosed':
      return { ...state, status: 'closed' };
  }
}

/** The state a history leaves, starting from `from` (a snapshot) or from the beginning. */
export function fold(events: readonly AccountEvent[], from: AccountState = initialState): AccountState {
  return events.reduce(evolve, from);
}

function isWholeAmount(value: number, minimum: number): boolean {
  return Number.isSafeInteger(value) && value >= minimum;
}
