import pg from 'pg';
import { defaultOrderColumns, type OrderColumns } from './order-columns.ts';
import { envelope, orderFacts, type OrderFact } from './order-events.ts';
import type { OrderService, OrderServiceDeps } from './orders-api.ts';

/**
 * The orders service: writes the orders table, and publishes the business facts its
 * operations stand for. The table is private: the column map is the one place that knows
 * its layout, and rows are read back under domain names (AS "shippingAddress"), so a
 * renamed column changes the SQL and nothing a consumer sees. A write nobody outside cares
 * about (a page view) publishes nothing.
 */
export function createOrderService({ pool, publisher, topic, clock, columns = defaultOrderColumns }: OrderServiceDeps): OrderService {
  const col = (field: keyof OrderColumns) => pg.escapeIdentifier(columns[field]);
  const publish = (fact: OrderFact) =>
    publisher.send({ topic, messages: [{ key: fact.orderId, value: JSON.stringify(envelope(fact, clock.now())) }] });

  return {
    async place(order) {
      await pool.query(
        /* sql */ `INSERT INTO orders (${col('orderId')}, ${col('customerId')}, ${col('shippingAddress')}) VALUES ($1, $2, $3)`,
        [order.orderId, order.customerId, order.shippingAddress],
      );
      await publish(orderFacts.orderPlaced(order));
    },
    async correctShippingAddress(orderId, shippingAddress) {
      const { rows } = await pool.query<{ shippingAddress: string }>(
        /* sql */ `UPDATE orders SET ${col('shippingAddress')} = $2 WHERE ${col('orderId')} = $1 RETURNING ${col('shippingAddress')} AS "shippingAddress"`,
        [orderId, shippingAddress],
      );
      for (const row of rows) await publish(orderFacts.shippingAddressCorrected(orderId, row.shippingAddress));
    },
    async cancel(orderId, reason) {
      // Only the UPDATE that cancels is a cancellation: a second one changes nothing, and says nothing.
      const { rows } = await pool.query<{ reason: string }>(
        /* sql */ `UPDATE orders SET ${col('status')} = 'cancelled', ${col('cancelReason')} = $2
                   WHERE ${col('orderId')} = $1 AND ${col('status')} <> 'cancelled' RETURNING ${col('cancelReason')} AS reason`,
        [orderId, reason],
      );
      for (const row of rows) await publish(orderFacts.orderCancelled(orderId, row.reason));
    },
    async recordView(orderId) {
      // A technical write: the "recently viewed" list is this service's business alone.
      await pool.query(/* sql */ `UPDATE orders SET ${col('lastSeenAt')} = $2 WHERE ${col('orderId')} = $1`, [orderId, clock.now()]);
    },
  };
}
