import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { databaseWithSchema } from '#graders/testkit/harness/schema-database.ts';
import { defaultOrderColumns, type OrderColumns } from '../../src/order-columns.ts';
import { createOrderService } from '../../src/order-service.ts';
import type { OrderService } from '../../src/orders-api.ts';

const topic = 'orders';

/** One event on the orders topic: the whole envelope as published. */
export interface PublishedEvent {
  type: string;
  data: Record<string, unknown>;
  [field: string]: unknown;
}

/**
 * The orders service on a database of its own, and the topic shipping and refunds read (the
 * course's in-memory stand-in for the broker, which keeps every record in order). A
 * migration runs for real on the database, then the service is deployed again with the
 * column map the migration leaves, as the team would ship the two together.
 */
export interface OrdersWorld extends AsyncDisposable {
  db: TestDatabase;
  /** The service as deployed now. */
  service(): OrderService;
  /** Where each field lives now. */
  columns(): OrderColumns;
  /**
   * A migration: `ALTER TABLE orders RENAME COLUMN` for each field given, to the name given
   * (a fresh random one when the name is omitted), then a deploy with the new column map.
   */
  renameColumns(renames: Partial<Record<keyof OrderColumns, string | undefined>>): Promise<void>;
  /** Every event on the topic so far, in order. */
  published(): PublishedEvent[];
}

export async function ordersWorld(label: string): Promise<OrdersWorld> {
  const db = await databaseWithSchema(label, new URL('../../src/orders-schema.sql', import.meta.url));
  const clock = new VirtualClock();
  const broker = new RecordingPublisher();
  let columns = { ...defaultOrderColumns };
  const deploy = () => createOrderService({ pool: db.pool, publisher: broker, topic, clock, columns });
  let service = deploy();
  return {
    db,
    service: () => service,
    columns: () => ({ ...columns }),
    async renameColumns(renames) {
      const next = { ...columns };
      for (const [field, name] of Object.entries(renames) as [keyof OrderColumns, string | undefined][]) {
        next[field] = name ?? `${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_${randomBytes(3).toString('hex')}`;
        await db.pool.query(/* sql */ `ALTER TABLE orders RENAME COLUMN ${pg.escapeIdentifier(columns[field])} TO ${pg.escapeIdentifier(next[field])}`);
      }
      columns = next;
      // The service goes out with the migration; the time between the two is not this item's subject.
      service = deploy();
    },
    published: () => broker.messages.filter((m) => m.topic === topic).map((m) => JSON.parse(m.value) as PublishedEvent),
    [Symbol.asyncDispose]: () => db[Symbol.asyncDispose](),
  };
}
