import { randomUUID } from 'node:crypto';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { databaseWithSchema } from '#graders/testkit/harness/schema-database.ts';
import { createPaymentLedger, type PaymentLedger } from '../../src/payment-ledger.ts';
import type { PaymentCaptured, StoredEvent } from '../../src/payment-events.ts';
import { createPaymentsProjection, type PaymentsProjection } from '../../src/payments-projection.ts';
import { ordersToShip } from '../../src/shipping-trigger.ts';

/**
 * The payments service on a database of its own: the ledger that appends to
 * `payment_events`, and the projection fed from that table in position order, the way the
 * service's subscription feeds it. Tests read the stream as auditors do, from
 * `payment_events` (position, event_id, stream_id, type, data).
 */
export interface PaymentsWorld extends AsyncDisposable {
  db: TestDatabase;
  clock: VirtualClock;
  ledger: PaymentLedger;
  projection: PaymentsProjection;
  /** Delivers to the projection every event appended since the last delivery, in order; returns them. */
  deliverNew(): Promise<StoredEvent[]>;
  /** Delivers an event to the projection again, as an at-least-once subscription may. */
  redeliver(event: StoredEvent): Promise<void>;
  /** The stream of one order, oldest first. */
  stream(orderId: string): Promise<StoredEvent[]>;
  /** Every order the warehouse was told to ship, in the order it was told, over the whole stream. */
  shipments(): Promise<string[]>;
}

export async function paymentsWorld(label: string): Promise<PaymentsWorld> {
  const db = await databaseWithSchema(label, new URL('../../src/schema.sql', import.meta.url));
  const clock = new VirtualClock();
  const projection = createPaymentsProjection({ pool: db.pool });
  const read = async (where: string, parameters: unknown[]) =>
    (await db.pool.query<{ position: string; event_id: string; stream_id: string; recorded_at: Date; type: string; data: Record<string, unknown> }>(
      /* sql */ `SELECT position, event_id, stream_id, recorded_at, type, data FROM payment_events WHERE ${where} ORDER BY position`,
      parameters,
    )).rows.map((row): StoredEvent => ({
      position: Number(row.position),
      eventId: row.event_id,
      streamId: row.stream_id,
      recordedAt: row.recorded_at.toISOString(),
      type: row.type,
      data: row.data,
    }));
  let delivered = 0;
  return {
    db,
    clock,
    ledger: createPaymentLedger({ pool: db.pool, clock }),
    projection,
    async deliverNew() {
      const events = await read('position > $1', [delivered]);
      for (const event of events) {
        await projection.apply(event);
        delivered = event.position;
      }
      return events;
    },
    redeliver: (event) => projection.apply(event),
    stream: (orderId) => read('stream_id = $1', [orderId]),
    async shipments() {
      return (await read('true', [])).flatMap(ordersToShip);
    },
    [Symbol.asyncDispose]: () => db[Symbol.asyncDispose](),
  };
}

/** A capture of its own: a new payment for a new order, unless an order or customer is given. */
export function aCapture(amountCents: number, of: { orderId?: string; customerId?: string } = {}): PaymentCaptured['data'] {
  return {
    paymentId: `pay-${randomUUID().slice(0, 8)}`,
    orderId: of.orderId ?? `order-${randomUUID().slice(0, 8)}`,
    customerId: of.customerId ?? `customer-${randomUUID().slice(0, 8)}`,
    amountCents,
  };
}

/** How a call ended: 'resolved', or the error it rejected with. */
export const settled = (call: Promise<unknown>) => call.then(() => 'resolved' as const, (error: unknown) => error);
