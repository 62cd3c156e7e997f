import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { ReserveStock, StockReply } from './messages.ts';
import type { StockConsumer, StockConsumerDeps } from './stock-consumer-api.ts';

/**
 * The checkout service resends a command whenever an answer is late, including when the
 * first attempt did its work and only the answer was lost. So the command id is recorded
 * with the answer, in the reservation's own transaction, and a command seen before is
 * answered from that record instead of being carried out again.
 */
export function createStockConsumer({ pool, clock }: StockConsumerDeps): StockConsumer {
  return {
    async handle(command) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Claim the id first: a delivery racing this one waits on the row, then finds it
        // taken; a reservation that fails rolls the claim back with it.
        const claimed = await client.query(
          /* sql */ `INSERT INTO handled_commands (command_id) VALUES ($1) ON CONFLICT (command_id) DO NOTHING`,
          [command.commandId],
        );
        if (claimed.rowCount === 0) {
          await client.query('ROLLBACK');
          return await earlierReply(client, command);
        }
        const reply = await reserve(client, command, clock.now());
        await client.query(/* sql */ `UPDATE handled_commands SET reply = $2 WHERE command_id = $1`, [command.commandId, reply]);
        await client.query('COMMIT');
        return reply;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

async function reserve(client: pg.PoolClient, command: ReserveStock, now: Date): Promise<StockReply> {
  const { commandId, orderId } = command;
  const taken = await client.query<{ available: number }>(
    /* sql */ `UPDATE stock SET available = available - $2 WHERE sku = $1 AND available >= $2 RETURNING available`,
    [command.sku, command.quantity],
  );
  if (taken.rowCount === 0) {
    const { rows } = await client.query<{ available: number }>(/* sql */ `SELECT available FROM stock WHERE sku = $1`, [command.sku]);
    return { type: 'OutOfStock', commandId, orderId, available: rows[0]?.available ?? 0 };
  }
  const reservationId = randomUUID();
  await client.query(
    /* sql */ `INSERT INTO reservations (reservation_id, order_id, sku, quantity, reserved_at) VALUES ($1, $2, $3, $4, $5)`,
    [reservationId, orderId, command.sku, command.quantity, now],
  );
  return { type: 'StockReserved', commandId, orderId, reservationId };
}

async function earlierReply(client: pg.PoolClient, command: ReserveStock): Promise<StockReply> {
  const { rows } = await client.query<{ reply: StockReply }>(/* sql */ `SELECT reply FROM handled_commands WHERE command_id = $1`, [command.commandId]);
  return rows[0]!.reply;
}
