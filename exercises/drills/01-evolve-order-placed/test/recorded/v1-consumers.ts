import { eventAjv } from '#graders/testkit/events/event-ajv.ts';
import v1Schema from './order-placed.v1.schema.json' with { type: 'json' };

/**
 * The consumers of OrderPlaced as they run in production today, written against revision
 * 1 and not redeployed for revision 2. Recorded: their code is what it is; the new revision
 * has to suit them, not the other way round. Each reads an event as its reader does (the
 * v1 schema, or a switch on the version) and returns what it would do with it.
 */
type V1Event = { version: number; data: { orderId: string; customerId: string; lines: { sku: string; quantity: number }[]; totalCents: number; currency: string } };

const validateV1 = eventAjv().compile(v1Schema);

/** The validating reader billing and notifications share: an event the v1 schema refuses goes to their dead-letter queue. */
function readV1(event: unknown): V1Event | { deadLettered: string } {
  if (validateV1(event)) return event as V1Event;
  return { deadLettered: (validateV1.errors ?? []).map((e) => `${e.instancePath || '(the event)'} ${e.message}`).join('; ') };
}

/** Billing: one invoice per order, for the order's total. */
export function billing(event: unknown) {
  const read = readV1(event);
  if ('deadLettered' in read) return read;
  const { orderId, customerId, totalCents, currency } = read.data;
  return { invoice: { orderId, customerId, amountCents: totalCents, currency } };
}

/** Warehouse: a pick list per order. It does not validate; it routes on the version, as its code always has. */
export function warehouse(event: unknown) {
  const { version, data } = event as V1Event;
  switch (version) {
    case 1:
      return { pick: data.lines.map(({ sku, quantity }) => `${quantity} x ${sku}`) };
    default:
      return { skipped: `OrderPlaced version ${version} is unknown here: parked until someone writes a handler` };
  }
}

/** Notifications: the order confirmation's one line. */
export function notifications(event: unknown) {
  const read = readV1(event);
  if ('deadLettered' in read) return read;
  const { orderId, lines, totalCents, currency } = read.data;
  const items = lines.reduce((sum, line) => sum + line.quantity, 0);
  return { message: `Order ${orderId}: ${items} item(s), total ${totalCents} in minor units of ${currency}` };
}

/** Analytics: revenue per currency over a day's events; it skips what it cannot read and counts it. */
export function analytics(events: unknown[]) {
  const revenue: Record<string, number> = {};
  let unreadable = 0;
  for (const event of events) {
    const read = readV1(event);
    if ('deadLettered' in read) unreadable += 1;
    else revenue[read.data.currency] = (revenue[read.data.currency] ?? 0) + read.data.totalCents;
  }
  return { revenue, unreadable };
}

/** Every consumer of one event, by name: what the tests compare between revisions. */
export const perEventConsumers = { billing, warehouse, notifications } as const;
