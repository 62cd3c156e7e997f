import { describe, expect, it } from 'vitest';
import { type AccountCommand, type AccountEvent, type AccountState, CommandRejected, initialState } from '../src/account.ts';
import { decide, evolve, fold } from '../src/decider.ts';

const opened = (overdraftLimitMinor = 0): AccountEvent => ({ type: 'AccountOpened', data: { accountId: 'account-1', overdraftLimitMinor } });
const deposited = (amountMinor: number): AccountEvent => ({ type: 'MoneyDeposited', data: { amountMinor } });
const withdrawn = (amountMinor: number): AccountEvent => ({ type: 'MoneyWithdrawn', data: { amountMinor } });
const closed: AccountEvent = { type: 'AccountClosed', data: {} };

/** What decide answers, as one value: the events, or the refusal. */
function decision(command: AccountCommand, history: readonly AccountEvent[]): AccountEvent[] | 'refused' {
  try {
    return decide(command, fold(history));
  } catch (error) {
    if (error instanceof CommandRejected) return 'refused';
    throw error;
  }
}

describe('fold and evolve', () => {
  it('folds a history into its balance, from the first event to the last', () => {
    const state = fold([opened(500), deposited(1_000), withdrawn(250), deposited(5)]);
    expect(state).toEqual({ status: 'open', accountId: 'account-1', balanceMinor: 755, overdraftLimitMinor: 500 });
  });

  it('starts from the state it is given, as when a snapshot is the starting point', () => {
    const snapshot = fold([opened(), deposited(100)]);
    expect(fold([withdrawn(30)], snapshot)).toEqual(fold([opened(), deposited(100), withdrawn(30)]));
  });

  it('leaves the state it was given as it was', () => {
    const before: AccountState = { status: 'open', accountId: 'account-1', balanceMinor: 100, overdraftLimitMinor: 0 };
    const copy = structuredClone(before);
    evolve(before, deposited(50));
    expect(before, 'the state handed to evolve').toEqual(copy);
  });

  it('replays a history even when today\'s rules would refuse an event in it: events are facts', () => {
    // An overdraft granted by a support agent, recorded before the rules checked limits.
    expect(fold([opened(0), withdrawn(300)]).balanceMinor).toBe(-300);
  });

  it('starts from nothing', () => {
    expect(fold([])).toEqual(initialState);
  });
});

describe('decide', () => {
  it('opens an account once and refuses to open it again', () => {
    expect(decision({ type: 'OpenAccount', accountId: 'account-1', overdraftLimitMinor: 0 }, [])).toEqual([opened(0)]);
    expect(decision({ type: 'OpenAccount', accountId: 'account-1', overdraftLimitMinor: 0 }, [opened()])).toBe('refused');
  });

  it('refuses money in or out before the account is opened', () => {
    expect(decision({ type: 'Deposit', amountMinor: 100 }, [])).toBe('refused');
    expect(decision({ type: 'Withdraw', amountMinor: 100 }, [])).toBe('refused');
  });

  it('records a deposit on an open account', () => {
    expect(decision({ type: 'Deposit', amountMinor: 100 }, [opened()])).toEqual([deposited(100)]);
  });

  it('allows a withdrawal that takes the balance down to exactly minus the overdraft limit', () => {
    expect(decision({ type: 'Withdraw', amountMinor: 600 }, [opened(500), deposited(100)]), 'balance 100, limit 500, withdraw 600').toEqual([withdrawn(600)]);
  });

  it('refuses a withdrawal one cent beyond the overdraft limit', () => {
    expect(decision({ type: 'Withdraw', amountMinor: 601 }, [opened(500), deposited(100)]), 'balance 100, limit 500, withdraw 601').toBe('refused');
  });

  it('refuses a withdrawal beyond the balance when there is no overdraft', () => {
    expect(decision({ type: 'Withdraw', amountMinor: 101 }, [opened(0), deposited(100)])).toBe('refused');
  });

  it('refuses zero and negative amounts, which would turn a withdrawal into a deposit', () => {
    expect(decision({ type: 'Withdraw', amountMinor: -50 }, [opened(), deposited(100)]), 'withdraw -50').toBe('refused');
    expect(decision({ type: 'Deposit', amountMinor: -50 }, [opened(), deposited(100)]), 'deposit -50').toBe('refused');
    expect(decision({ type: 'Deposit', amountMinor: 0 }, [opened()]), 'deposit 0').toBe('refused');
  });

  it('refuses to close an account whose balance is not zero', () => {
    expect(decision({ type: 'CloseAccount' }, [opened(), deposited(100)]), 'balance 100').toBe('refused');
    expect(decision({ type: 'CloseAccount' }, [opened(500), withdrawn(100)]), 'balance -100').toBe('refused');
    expect(decision({ type: 'CloseAccount' }, [opened(), deposited(100), withdrawn(100)]), 'balance 0').toEqual([closed]);
  });

  it('refuses money in or out of a closed account', () => {
    const history = [opened(), closed];
    expect(decision({ type: 'Deposit', amountMinor: 100 }, history), 'deposit after close').toBe('refused');
    expect(decision({ type: 'Withdraw', amountMinor: 1 }, [opened(500), closed]), 'withdraw after close').toBe('refused');
    expect(decision({ type: 'CloseAccount' }, history), 'close twice').toBe('refused');
  });
});
