import type pg from 'pg';
import type { LoggedEvent } from './events.ts';

/** One event's change to a customer_orders-shaped table, made with the caller's client (inside its transaction). */
export async function applyEvent(client: pg.PoolClient, table: string, event: LoggedEvent): Promise<void> {
  const [placed, open, total] =
    event.type === 'OrderPlaced' ? [1, 1, event.data.totalCents] : event.type === 'OrderShipped' ? [0, -1, 0] : [0, -1, -event.data.totalCents];
  await client.query(
    /* sql */ `INSERT INTO ${table} AS t (customer_id, orders_placed, open_orders, total_cents) VALUES ($1, $2, $3, $4)
               ON CONFLICT (customer_id) DO UPDATE SET orders_placed = t.orders_placed + excluded.orders_placed,
                 open_orders = t.open_orders + excluded.open_orders, total_cents = t.total_cents + excluded.total_cents`,
    [event.data.customerId, placed, open, total],
  );
}
