import fc from 'fast-check';
import { type AccountCommand, type AccountEvent, type AccountState, CommandRejected, initialState } from '../../src/account.ts';
import { decide, evolve } from '../../src/decider.ts';

/** Commands of every kind, including amounts the rules refuse (zero, negative, too large). */
export function aCommand(accountId = 'account-1'): fc.Arbitrary<AccountCommand> {
  const amount = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 20_000 }) }, { weight: 1, arbitrary: fc.integer({ min: -500, max: 0 }) });
  return fc.oneof(
    { weight: 1, arbitrary: fc.record({ type: fc.constant('OpenAccount' as const), accountId: fc.constant(accountId), overdraftLimitMinor: fc.integer({ min: 0, max: 10_000 }) }) },
    { weight: 4, arbitrary: fc.record({ type: fc.constant('Deposit' as const), amountMinor: amount }) },
    { weight: 4, arbitrary: fc.record({ type: fc.constant('Withdraw' as const), amountMinor: amount }) },
    { weight: 1, arbitrary: fc.constant({ type: 'CloseAccount' as const }) },
  );
}

/** Command sequences that start by opening the account, so that most commands are decided on an open one. */
export function aCommandSequence(accountId = 'account-1', maxLength = 30): fc.Arbitrary<AccountCommand[]> {
  return fc
    .tuple(fc.integer({ min: 0, max: 10_000 }), fc.array(aCommand(accountId), { maxLength }))
    .map(([limit, rest]) => [{ type: 'OpenAccount', accountId, overdraftLimitMinor: limit } as AccountCommand, ...rest]);
}

/** What running the commands through decide and evolve leaves: the accepted events, and a line per command. */
export function runCommands(commands: readonly AccountCommand[]): { events: AccountEvent[]; state: AccountState; timeline: string[] } {
  let state = initialState;
  const events: AccountEvent[] = [];
  const timeline: string[] = [];
  for (const command of commands) {
    try {
      const decided = decide(command, state);
      for (const event of decided) state = evolve(state, event);
      events.push(...decided);
      timeline.push(`${describe(command)}: ${decided.map((e) => e.type).join(', ')}; balance ${state.balanceMinor}`);
    } catch (error) {
      if (!(error instanceof CommandRejected)) throw error;
      timeline.push(`${describe(command)}: refused`);
    }
  }
  return { events, state, timeline };
}

function describe(command: AccountCommand): string {
  switch (command.type) {
    case 'OpenAccount':
      return `open with overdraft limit ${command.overdraftLimitMinor}`;
    case 'Deposit':
      return `deposit ${command.amountMinor}`;
    case 'Withdraw':
      return `withdraw ${command.amountMinor}`;
    case 'CloseAccount':
      return 'close';
  }
}

/** An amount in minor units as version 1 events wrote it: a decimal string in major units. */
export function asVersion1Amount(minor: number, style: 'always-cents' | 'shortest'): string {
  const whole = Math.floor(minor / 100);
  const cents = minor % 100;
  if (style === 'always-cents') return `${whole}.${String(cents).padStart(2, '0')}`;
  if (cents === 0) return String(whole);
  return cents % 10 === 0 ? `${whole}.${cents / 10}` : `${whole}.${String(cents).padStart(2, '0')}`;
}
