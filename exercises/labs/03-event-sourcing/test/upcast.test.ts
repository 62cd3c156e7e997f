import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { type AccountEvent, currentSchemaVersion } from '../src/account.ts';
import { fold } from '../src/decider.ts';
import type { RecordedEvent } from '../src/stored-event.ts';
import { upcast } from '../src/upcast.ts';
import { aCommandSequence, asVersion1Amount, runCommands } from './support/histories.ts';

const recorded = (type: string, schemaVersion: number, data: Record<string, unknown>, version = 1): RecordedEvent => ({
  streamId: 'account-1', version, type, schemaVersion, data,
});

/** The same event as a version 2 record (today's shape) and as the version 1 record written before the change. */
function asStored(event: AccountEvent, version: number, style: 'always-cents' | 'shortest'): { v1: RecordedEvent; v2: RecordedEvent } {
  const v2 = recorded(event.type, currentSchemaVersion[event.type], event.data, version);
  if (event.type !== 'MoneyDeposited' && event.type !== 'MoneyWithdrawn') return { v1: v2, v2 };
  return { v1: recorded(event.type, 1, { amount: asVersion1Amount(event.data.amountMinor, style) }, version), v2 };
}

describe('upcast', () => {
  it('turns a version 1 deposit of "12.34" into 1234 minor units', () => {
    expect(upcast(recorded('MoneyDeposited', 1, { amount: '12.34' }))).toEqual({ type: 'MoneyDeposited', data: { amountMinor: 1234 } });
  });

  it('turns "0.29" into 29, not the 28 that 0.29 * 100 truncates to in floating point', () => {
    expect(upcast(recorded('MoneyDeposited', 1, { amount: '0.29' })).data).toEqual({ amountMinor: 29 });
    expect(upcast(recorded('MoneyDeposited', 1, { amount: '1.13' })).data, '"1.13"').toEqual({ amountMinor: 113 });
  });

  it('reads amounts written without cents or with one decimal: "7" and "7.5"', () => {
    expect(upcast(recorded('MoneyDeposited', 1, { amount: '7' })).data).toEqual({ amountMinor: 700 });
    expect(upcast(recorded('MoneyDeposited', 1, { amount: '7.5' })).data).toEqual({ amountMinor: 750 });
  });

  it('upcasts version 1 withdrawals as well as deposits', () => {
    expect(upcast(recorded('MoneyWithdrawn', 1, { amount: '3.50' }))).toEqual({ type: 'MoneyWithdrawn', data: { amountMinor: 350 } });
  });

  it('passes events already in today\'s shape through unchanged', () => {
    expect(upcast(recorded('MoneyDeposited', 2, { amountMinor: 1234 }))).toEqual({ type: 'MoneyDeposited', data: { amountMinor: 1234 } });
    expect(upcast(recorded('MoneyWithdrawn', 2, { amountMinor: 99 }))).toEqual({ type: 'MoneyWithdrawn', data: { amountMinor: 99 } });
    expect(upcast(recorded('AccountOpened', 1, { accountId: 'account-1', overdraftLimitMinor: 500 }))).toEqual({
      type: 'AccountOpened', data: { accountId: 'account-1', overdraftLimitMinor: 500 },
    });
    expect(upcast(recorded('AccountClosed', 1, {}))).toEqual({ type: 'AccountClosed', data: {} });
  });

  it('folds any version 1 history exactly like its version 2 equivalent', async () => {
    await assertProperty(
      fc.property(aCommandSequence(), fc.constantFrom('always-cents' as const, 'shortest' as const), (commands, style) => {
        const { events, timeline } = runCommands(commands);
        const stored = events.map((event, index) => asStored(event, index + 1, style));
        const fromV1 = fold(stored.map((s) => upcast(s.v1)));
        const fromV2 = fold(stored.map((s) => upcast(s.v2)));
        const amounts = stored.filter((s) => 'amount' in s.v1.data).map((s) => `${s.v1.type} "${String(s.v1.data.amount)}"`);
        expect(fromV1, `the version 1 history (${amounts.join(', ')}) folded differently\n${timeline.join('\n')}`).toEqual(fromV2);
      }),
      { numRuns: 200 },
    );
  });
});
