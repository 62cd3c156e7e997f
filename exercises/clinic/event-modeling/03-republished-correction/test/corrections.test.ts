import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Finding, nameFindings } from '#graders/testkit/events/event-names.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import type { OrderEvent } from '../src/order-event.ts';
import { createRevenueProjection } from '../src/revenue-projection.ts';
import { withOrdersTopic } from './support/orders-topic.ts';
import { recordedOrders } from './support/recorded.ts';

const readFinding = (finding: Finding) => `${finding.problem}; ${finding.fix}`;

// The incident's order: tax was added twice, so 100.00 went out as 119.00.
const wrong = 11_900;
const right = 10_000;
const reason = 'tax counted twice';

describe('a corrected total, on the orders topic', () => {
  it('keeps both facts in the history: the original as it was, and the correction under an id of its own', async () => {
    await withOrdersTopic('correction-history', async ({ publisher, history }) => {
      const original = await publisher.orderPlaced({ orderId: 'o-1', totalCents: wrong });
      await publisher.correctTotal(original, right, reason);
      const events = await history();
      expect(events).toHaveLength(2);
      expect(events[0]).toEqual(original);
      expect(new Set(events.map((event) => event.id)).size, 'distinct event ids on the topic').toBe(2);
    });
  });

  it('shows the corrected total, each order counted once, after a replay from the first offset', async () => {
    await withOrdersTopic('correction-replay', async ({ publisher, replay }) => {
      const original = await publisher.orderPlaced({ orderId: 'o-1', totalCents: wrong });
      await publisher.orderPlaced({ orderId: 'o-2', totalCents: 5_000 });
      await publisher.correctTotal(original, right, reason);
      const report = await replay();
      expect(report.totalOf('o-1')).toBe(right);
      expect({ orders: report.orders, revenueCents: report.revenueCents }).toEqual({ orders: 2, revenueCents: right + 5_000 });
    });
  });

  it('names every event on the topic a past-tense fact', async () => {
    await withOrdersTopic('correction-names', async ({ publisher, history }) => {
      const original = await publisher.orderPlaced({ orderId: 'o-1', totalCents: wrong });
      await publisher.correctTotal(original, right, reason);
      const types = [...new Set((await history()).map((event) => event.type))];
      expect(types.flatMap(nameFindings).map(readFinding)).toEqual([]);
    });
  });
});

/** Applies the events, in the order given, to a new revenue report. */
const fold = (events: OrderEvent[]) => {
  const projection = createRevenueProjection();
  events.forEach((event) => projection.apply(event));
  return projection.view();
};

describe('the revenue report, under redelivery', () => {
  it('keeps the corrected total when the original is delivered again after the correction', async () => {
    const { publisher, events } = recordedOrders();
    const original = await publisher.orderPlaced({ orderId: 'o-1', totalCents: wrong });
    await publisher.correctTotal(original, right, reason);
    const [placed, correction] = events();
    const report = fold([placed!, correction!, placed!]);
    expect({ total: report.totalOf('o-1'), revenueCents: report.revenueCents }).toEqual({ total: right, revenueCents: right });
  });

  it('shows the latest of two corrections, also when the first is delivered again', async () => {
    const { publisher, events } = recordedOrders();
    const original = await publisher.orderPlaced({ orderId: 'o-1', totalCents: wrong });
    const first = await publisher.correctTotal(original, 10_900, 'tax counted twice, shipping once');
    await publisher.correctTotal(first, right, reason);
    const [placed, correction1, correction2] = events();
    const report = fold([placed!, correction1!, correction2!, correction1!]);
    expect({ total: report.totalOf('o-1'), revenueCents: report.revenueCents }).toEqual({ total: right, revenueCents: right });
  });
});

/** Orders, each with the totals its corrections set in turn (none, one or more). */
const orderHistories = fc.uniqueArray(
  fc.record({ orderId: fc.constantFrom('o-1', 'o-2', 'o-3', 'o-4'), totals: fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 4 }) }),
  { minLength: 1, maxLength: 3, selector: (order) => order.orderId },
);

describe('corrections under at-least-once delivery', () => {
  it('reports every order at its latest total, however often events are delivered again', async () => {
    await assertProperty(
      fc.asyncProperty(orderHistories, fc.array(fc.nat(), { maxLength: 8 }), async (orders, redeliveries) => {
        const { publisher, events } = recordedOrders();
        for (const { orderId, totals } of orders) {
          let last = await publisher.orderPlaced({ orderId, totalCents: totals[0]! });
          for (const total of totals.slice(1)) last = await publisher.correctTotal(last, total, 'generated');
        }
        // The log as published, with earlier events delivered again at later points.
        const log = events();
        const delivered = [...log];
        for (const pick of redeliveries) {
          const again = log[pick % log.length]!;
          const first = delivered.indexOf(again);
          delivered.splice(first + 1 + (Math.floor(pick / log.length) % (delivered.length - first)), 0, again);
        }
        const report = fold(delivered);
        const story = `deliveries: ${delivered.map((event) => `${event.type} ${String(event.data.orderId)} (${event.id.slice(0, 8)})`).join(', ')}`;
        for (const { orderId, totals } of orders) expect(report.totalOf(orderId), `total of ${orderId}; ${story}`).toBe(totals.at(-1));
        expect(report.orders, story).toBe(orders.length);
        expect(report.revenueCents, story).toBe(orders.reduce((sum, { totals }) => sum + totals.at(-1)!, 0));
      }),
      { numRuns: 100 },
    );
  });
});
