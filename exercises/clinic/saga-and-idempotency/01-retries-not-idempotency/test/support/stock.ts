import { randomUUID } from 'node:crypto';
import { installInsertFault } from '#graders/testkit/faults/insert-fault.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { databaseWithSchema } from '#graders/testkit/harness/schema-database.ts';
import type { ReserveStock, StockReply } from '../../src/messages.ts';
import { createStockConsumer } from '../../src/stock-consumer.ts';
import type { StockConsumer } from '../../src/stock-consumer-api.ts';
import { holdBeforeCommit, noteBackends, untilBlockedOrSettled } from './concurrency.ts';

/** How long the checkout service waits for an answer before it sends the command again. */
export const replyTimeoutMs = 5_000;

/**
 * One stock service: a database with src/schema.sql, the course's virtual clock, and
 * consumers made the way the service makes them. Tests read only `stock` and
 * `reservations`, the tables the warehouse reads.
 */
export interface StockWorld extends AsyncDisposable {
  db: TestDatabase;
  clock: VirtualClock;
  /** A consumer instance; call again for a restarted service (nothing in memory survives). */
  consumer(): StockConsumer;
  /** Puts a new product on the shelf with `units` available; returns its sku. */
  addStock(units: number): Promise<string>;
  /** Units of `sku` that no order holds. */
  available(sku: string): Promise<number>;
  /** The units held for an order, one entry per reservation row. */
  reservationsFor(orderId: string): Promise<number[]>;
  /**
   * The checkout service sending one command: it waits `replyTimeoutMs` on the virtual clock
   * for the answer and sends the command again when none came. The first `lostReplies`
   * answers are lost on the way back (the consumer did its work; the sender never hears).
   * Returns every answer the consumer gave, in order: the last is the one the sender got.
   */
  send(consumer: StockConsumer, command: ReserveStock, options?: { lostReplies?: number }): Promise<StockReply[]>;
  /** Makes the next reservation row written fail, as a lost connection or a constraint would. */
  failNextReservation(): Promise<void>;
  /**
   * Two deliveries of one command handled at the same moment by two consumer instances: the
   * first is held just before its COMMIT (its work done, its locks held) until the second
   * has done everything it can, then both finish. Returns how each delivery ended.
   */
  deliverTwiceAtOnce(command: ReserveStock): Promise<[PromiseSettledResult<StockReply>, PromiseSettledResult<StockReply>]>;
}

export async function stockWorld(label: string): Promise<StockWorld> {
  const db = await databaseWithSchema(label, new URL('../../src/schema.sql', import.meta.url));
  const fault = await installInsertFault(db.pool, 'reservations', 'the reservation could not be written (a staged fault)');
  const clock = new VirtualClock();
  const consumerOn = (pool: typeof db.pool) => createStockConsumer({ pool, clock });
  return {
    db,
    clock,
    consumer: () => consumerOn(db.pool),
    async addStock(units) {
      const sku = `sku-${randomUUID().slice(0, 8)}`;
      await db.pool.query(/* sql */ `INSERT INTO stock (sku, available) VALUES ($1, $2)`, [sku, units]);
      return sku;
    },
    async available(sku) {
      const { rows } = await db.pool.query<{ available: number }>(/* sql */ `SELECT available FROM stock WHERE sku = $1`, [sku]);
      return rows[0]!.available;
    },
    async reservationsFor(orderId) {
      const { rows } = await db.pool.query<{ quantity: number }>(
        /* sql */ `SELECT quantity FROM reservations WHERE order_id = $1 ORDER BY quantity`,
        [orderId],
      );
      return rows.map((row) => row.quantity);
    },
    async send(consumer, command, { lostReplies = 0 } = {}) {
      const replies: StockReply[] = [];
      for (;;) {
        replies.push(await consumer.handle(command));
        if (replies.length > lostReplies) return replies;
        // The answer never arrives: the sender's timeout runs out, and it sends again.
        await clock.advance(replyTimeoutMs);
      }
    },
    failNextReservation: () => fault.failNext(),
    async deliverTwiceAtOnce(command) {
      const held = holdBeforeCommit(db.pool);
      const first = consumerOn(held.pool).handle(command);
      await Promise.race([held.reached, first.then(noop, noop)]);
      const backends = noteBackends(db.pool);
      const second = consumerOn(backends.pool).handle(command);
      await untilBlockedOrSettled(db.pool, backends.pids, second);
      held.release();
      return Promise.allSettled([first, second]) as Promise<[PromiseSettledResult<StockReply>, PromiseSettledResult<StockReply>]>;
    },
    [Symbol.asyncDispose]: () => db[Symbol.asyncDispose](),
  };
}

const noop = () => {};

/** A ReserveStock for `quantity` units of `sku`; each call is a new command with its own id. */
export function reserveStock(orderId: string, sku: string, quantity: number): ReserveStock {
  return { commandId: randomUUID(), type: 'ReserveStock', orderId, sku, quantity };
}

/** An order of its own for each test. */
export const anOrder = () => `order-${randomUUID().slice(0, 8)}`;
