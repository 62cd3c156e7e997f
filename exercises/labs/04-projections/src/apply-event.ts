import type pg from 'pg';
import type { LoggedEvent } from './events.ts';

/** One event's change to a customer_orders-shaped table, made with the caller's client (inside its transaction). */
export async function applyEvent(client: pg.PoolClient, table: string, event: LoggedEvent): Promise<void> {
  void client;
  throw new Error(`TODO: apply ${event.type} at position ${event.position} to ${table}; see README "What to produce", step 2.`);
}
