import pg from 'pg';
import { defaultOrderColumns, type OrderColumns } from './order-columns.ts';
import { envelope, orderFacts, type OrderFact } from './order-events.ts';
import type { OrderService, OrderServiceDeps } from './orders-api.ts';

/**
 * The orders service: each operation is a command, and the fact it publishes is built from
 * the command's own arguments. The database is asked only whether the change happened (how
 * many rows the UPDATE touched), so no row, and no column name, can reach a consumer.
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
      const { rowCount } = await pool.query(
        /* sql */ `UPDATE orders SET ${col('shippingAddress')} = $2 WHERE ${col('orderId')} = $1`,
        [orderId, shippingAddress],
      );
      if (rowCount) await publish(orderFacts.shippingAddressCorrected(orderId, shippingAddress));
    },
    async cancel(orderId, reason) {
      // Only the UPDATE that cancels is a cancellation: a second one changes nothing, and says nothing.
      const { rowCount } = await pool.query(
        /* sql */ `UPDATE orders SET ${col('status')} = 'cancelled', ${col('cancelReason')} = $2
                   WHERE ${col('orderId')} = $1 AND ${col('status')} <> 'cancelled'`,
        [orderId, reason],
      );
      if (rowCount) await publish(orderFacts.orderCancelled(orderId, reason));
    },
    async recordView(orderId) {
      // A technical write: the "recently viewed" list is this service's business alone.
      await pool.query(/* sql */ `UPDATE orders SET ${col('lastSeenAt')} = $2 WHERE ${col('orderId')} = $1`, [orderId, clock.now()]);
    },
  };
}
