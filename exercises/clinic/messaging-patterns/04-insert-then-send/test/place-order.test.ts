import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CrashPoint, describeCrashPoint } from '#graders/testkit/faults/crash-points.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { checkout, type Checkout, mismatches } from './support/checkout.ts';

let shop: Checkout;
beforeAll(async () => {
  shop = await checkout('clinic_dual_write');
});
beforeEach(() => shop.reset());
afterAll(() => shop[Symbol.asyncDispose]());

/** After the relay has caught up: every stored order has its event, every event its order. */
async function expectOrdersAndEventsTogether(when: string) {
  await shop.drainOutbox();
  const found = mismatches(await shop.ordersStored(), shop.ordersOnTopic());
  expect(found.ordersWithoutEvent, `orders stored with no OrderPlaced on the topic ${when}`).toEqual([]);
  expect(found.eventsWithoutOrder, `OrderPlaced on the topic for orders that were never stored ${when}`).toEqual([]);
}

// The places checkout can die while placing one order: the named points that apply to it
// (it selects nothing and publishes one message), and after each of its first calls.
const crashPoints: CrashPoint[] = ['after-publish', 'before-commit', 'after-commit', { afterCalls: 1 }, { afterCalls: 2 }, { afterCalls: 3 }];

describe('placing an order', () => {
  it('stores the order and puts its OrderPlaced on the topic once the relay has run', async () => {
    const { order, outcome } = await shop.placeOrder();
    expect(outcome).toBe('placed');
    await shop.drainOutbox();
    expect(await shop.ordersStored()).toEqual([order.orderId]);
    expect(shop.ordersOnTopic()).toEqual([order.orderId]);
  });

  it('publishes nothing for an order it refused', async () => {
    const first = await shop.placeOrder();
    const again = await shop.placeOrder({ order: { orderId: first.order.orderId } });
    expect(again.outcome, 'placing an order id that is taken').toBe('failed');
    await shop.drainOutbox();
    expect(shop.ordersOnTopic(), 'OrderPlaced on the topic for one stored order').toEqual([first.order.orderId]);
  });

  it.each(crashPoints.map((point) => [describeCrashPoint(point), point] as const))(
    'keeps each order and its OrderPlaced together when checkout dies at %s',
    async (where, diesAt) => {
      await shop.placeOrder({ diesAt });
      await expectOrdersAndEventsTogether(`after checkout died at ${where} and the relay ran`);
    },
  );

  it('takes orders while the broker is down and publishes them once it is back', async () => {
    shop.brokerDown();
    const placed = [await shop.placeOrder(), await shop.placeOrder()];
    expect(placed.map((p) => p.outcome), 'how checkout answered while the broker was down').toEqual(['placed', 'placed']);
    await shop.drainOutbox().catch(() => undefined);
    expect(shop.ordersOnTopic(), 'OrderPlaced on the topic while the broker is down').toEqual([]);
    shop.brokerUp();
    await expectOrdersAndEventsTogether('once the broker was back');
    expect(shop.ordersOnTopic().sort()).toEqual(placed.map((p) => p.order.orderId).sort());
  });

  it('keeps orders and events together under any run of crashes and broker outages', async () => {
    const attempt = fc.record({
      diesAfterCalls: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      brokerDown: fc.boolean(),
    });
    await assertProperty(
      fc.asyncProperty(fc.array(attempt, { minLength: 1, maxLength: 3 }), async (attempts) => {
        await shop.reset();
        for (const { diesAfterCalls, brokerDown } of attempts) {
          if (brokerDown) shop.brokerDown();
          else shop.brokerUp();
          await shop.placeOrder(diesAfterCalls === undefined ? {} : { diesAt: { afterCalls: diesAfterCalls } });
          // The relay runs between orders too, while the broker may still be down.
          await shop.drainOutbox().catch(() => undefined);
        }
        shop.brokerUp();
        await expectOrdersAndEventsTogether(`after ${JSON.stringify(attempts)}`);
      }),
      { numRuns: 5 },
    );
  });
});
