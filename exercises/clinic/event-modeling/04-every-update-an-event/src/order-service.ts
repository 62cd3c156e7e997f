import pg from 'pg';
import { defaultOrderColumns, type OrderColumns } from './order-columns.ts';
import { rowChangedEvent } from './order-events.ts';
import type { OrderService, OrderServiceDeps } from './orders-api.ts';

/** The orders service: writes the orders table, and publishes every write. */
export function createOrderService({ pool, publisher, topic, clock, columns = defaultOrderColumns }: OrderServiceDeps): OrderService {
  const col = (field: keyof OrderColumns) => pg.escapeIdentifier(columns[field]);

  // Every INSERT and UPDATE returns the whole row, which goes onto the topic as it is.
  async function write(operation: 'INSERT' | 'UPDATE', orderId: string, sql: string, values: unknown[]) {
    const { rows } = await pool.query<{ row: Record<string, unknown> }>(sql, values);
    for (const { row } of rows) {
      const event = rowChangedEvent(operation, row, clock.now(), orderId);
      await publisher.send({ topic, messages: [{ key: orderId, value: JSON.stringify(event) }] });
    }
  }

  return {
    place: ({ orderId, customerId, shippingAddress }) =>
      write('INSERT', orderId,
        /* sql */ `INSERT INTO orders (${col('orderId')}, ${col('customerId')}, ${col('shippingAddress')}) VALUES ($1, $2, $3) RETURNING to_jsonb(orders.*) AS row`,
        [orderId, customerId, shippingAddress]),
    correctShippingAddress: (orderId, shippingAddress) =>
      write('UPDATE', orderId,
        /* sql */ `UPDATE orders SET ${col('shippingAddress')} = $2 WHERE ${col('orderId')} = $1 RETURNING to_jsonb(orders.*) AS row`,
        [orderId, shippingAddress]),
    cancel: (orderId, reason) =>
      write('UPDATE', orderId,
        /* sql */ `UPDATE orders SET ${col('status')} = 'cancelled', ${col('cancelReason')} = $2 WHERE ${col('orderId')} = $1 RETURNING to_jsonb(orders.*) AS row`,
        [orderId, reason]),
    recordView: (orderId) =>
      write('UPDATE', orderId,
        /* sql */ `UPDATE orders SET ${col('lastSeenAt')} = $2 WHERE ${col('orderId')} = $1 RETURNING to_jsonb(orders.*) AS row`,
        [orderId, clock.now()]),
  };
}
