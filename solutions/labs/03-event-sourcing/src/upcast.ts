import type { AccountEvent } from './account.ts';
import type { RecordedEvent } from './stored-event.ts';

/**
 * A stored event in today's shape. Version 1 of MoneyDeposited and MoneyWithdrawn held
 * `amount`, a decimal string in major units ("12.34"); version 2 holds `amountMinor`, an
 * integer in minor units (1234). Other events pass through as they are.
 */
export function upcast(event: RecordedEvent): AccountEvent {
  if ((event.type === 'MoneyDeposited' || event.type === 'MoneyWithdrawn') && event.schemaVersion === 1) {
    return { type: event.type, data: { amountMinor: minorUnits(String(event.data.amount)) } };
  }
  return { type: event.type, data: event.data } as AccountEvent;
}

/**
 * "12.34" to 1234 by the digits, never through a float: 0.29 * 100 is 28.999999999999996
 * in binary floating point, and one truncation later a cent is gone.
 */
function minorUnits(amount: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new Error(`a version 1 amount must look like "12.34", got ${JSON.stringify(amount)}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
