import type { AccountEvent } from './account.ts';
import type { RecordedEvent } from './stored-event.ts';

/**
 * A stored event in today's shape. Version 1 of MoneyDeposited and MoneyWithdrawn held
 * `amount`, a decimal string in major units ("12.34"); version 2 holds `amountMinor`, an
 * integer in minor units (1234). Other events pass through as they are.
 */
export function upcast(event: RecordedEvent): AccountEvent {
  throw new Error(`TODO: bring ${event.type} version ${event.schemaVersion} to today's shape; see README "What to produce", step 2.`);
}
