import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { ReserveStock, StockReply } from './messages.ts';
import type { StockConsumer, StockConsumerDeps } from './stock-consumer-api.ts';

/**
 * The checkout service resends any command it gets no answer to, until one comes back, so a
 * failed reservation is always tried again and no order is left without its stock. The
 * reservation and the stock it takes commit together, so a failure leaves nothing behind.
 */
export function createStockConsumer({ pool, clock }: StockConsumerDeps): StockConsumer {
  return {
    async handle(command) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const taken = await client.query(
          /* sql */ `UPDATE stock SET available = available - $2 WHERE sku = $1 AND available >= $2`,
          [command.sku, command.quantity],
        );
        if (taken.rowCount === 0) {
          await client.query('ROLLBACK');
          return outOfStock(pool, command);
        }
        const reservationId = randomUUID();
        await client.query(
          /* sql */ `INSERT INTO reservations (reservation_id, order_id, sku, quantity, reserved_at) VALUES ($1, $2, $3, $4, $5)`,
          [reservationId, command.orderId, command.sku, command.quantity, clock.now()],
        );
        await client.query('COMMIT');
        return { type: 'StockReserved', commandId: command.commandId, orderId: command.orderId, reservationId };
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

async function outOfStock(pool: pg.Pool, command: ReserveStock): Promise<StockReply> {
  const { rows } = await pool.query<{ available: number }>(/* sql */ `SELECT available FROM stock WHERE sku = $1`, [command.sku]);
  return { type: 'OutOfStock', commandId: command.commandId, orderId: command.orderId, available: rows[0]?.available ?? 0 };
}
