import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import type { OrderEvent } from '../../src/events.ts';

export interface CustomerRow {
  customer_id: string;
  orders_placed: number;
  open_orders: number;
  total_cents: number;
}

/** customer_orders as a reader sees it, one row per customer, sorted. */
export async function readModel(db: TestDatabase): Promise<CustomerRow[]> {
  const { rows } = await db.pool.query<CustomerRow>(
    /* sql */ `SELECT customer_id, orders_placed::int AS orders_placed, open_orders::int AS open_orders, total_cents::bigint::float8 AS total_cents
               FROM customer_orders ORDER BY customer_id`,
  );
  return rows;
}

/** What customer_orders must hold after exactly these events, each applied once. */
export function expectedReadModel(events: readonly OrderEvent[]): CustomerRow[] {
  const rows = new Map<string, CustomerRow>();
  for (const event of events) {
    const id = event.data.customerId;
    const row = rows.get(id) ?? { customer_id: id, orders_placed: 0, open_orders: 0, total_cents: 0 };
    if (event.type === 'OrderPlaced') rows.set(id, { ...row, orders_placed: row.orders_placed + 1, open_orders: row.open_orders + 1, total_cents: row.total_cents + event.data.totalCents });
    if (event.type === 'OrderShipped') rows.set(id, { ...row, open_orders: row.open_orders - 1 });
    if (event.type === 'OrderCancelled') rows.set(id, { ...row, open_orders: row.open_orders - 1, total_cents: row.total_cents - event.data.totalCents });
  }
  return [...rows.values()].sort((a, b) => (a.customer_id < b.customer_id ? -1 : 1));
}
