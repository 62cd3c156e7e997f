import fc from 'fast-check';
import type { OrderEvent } from '../../src/events.ts';

let next = 0;

/** An order's events: placed, then maybe shipped or cancelled. */
export function anOrder(customerId: string, totalCents: number, end: 'open' | 'shipped' | 'cancelled' = 'open'): OrderEvent[] {
  const orderId = `order-${++next}`;
  const placed: OrderEvent = { type: 'OrderPlaced', data: { orderId, customerId, totalCents } };
  if (end === 'shipped') return [placed, { type: 'OrderShipped', data: { orderId, customerId } }];
  if (end === 'cancelled') return [placed, { type: 'OrderCancelled', data: { orderId, customerId, totalCents } }];
  return [placed];
}

/** Histories of a few customers' orders, each order's events in order, orders interleaved. */
export function aHistory(maxOrders = 12): fc.Arbitrary<OrderEvent[]> {
  const order = fc.record({
    customer: fc.constantFrom('customer-a', 'customer-b', 'customer-c'),
    totalCents: fc.integer({ min: 1, max: 50_000 }),
    end: fc.constantFrom('open' as const, 'shipped' as const, 'cancelled' as const),
  });
  return fc
    .tuple(fc.array(order, { minLength: 1, maxLength: maxOrders }), fc.array(fc.boolean(), { minLength: maxOrders, maxLength: maxOrders }))
    .map(([orders, coins]) => {
      // Interleave: each order's second event goes after a later order's first, sometimes.
      const queues = orders.map((o) => anOrder(o.customer, o.totalCents, o.end));
      const out: OrderEvent[] = [];
      const pending: OrderEvent[] = [];
      for (const [i, queue] of queues.entries()) {
        out.push(queue[0]!);
        if (pending.length > 0 && coins[i]) out.push(pending.shift()!);
        if (queue[1]) pending.push(queue[1]);
      }
      return [...out, ...pending];
    });
}

/** The history as a short story for a failure message. */
export function describeHistory(events: readonly OrderEvent[]): string {
  return events
    .map((e, i) => `${i + 1}. ${e.type} ${e.data.orderId} (${e.data.customerId}${'totalCents' in e.data ? `, ${e.data.totalCents}` : ''})`)
    .join('\n');
}
