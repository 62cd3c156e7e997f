import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import type { OrderColumns } from '../src/order-columns.ts';
import { contractProblems } from './support/contract.ts';
import { ordersWorld, type OrdersWorld } from './support/orders-world.ts';

/** The events about one order, as consumers see them: type and payload. */
const factsAbout = (world: OrdersWorld, orderId: string) =>
  world.published().filter((event) => JSON.stringify(event).includes(orderId)).map(({ type, data }) => ({ type, data }));
const problemsAbout = (world: OrdersWorld, orderId: string) =>
  world.published().filter((event) => JSON.stringify(event).includes(orderId)).flatMap(contractProblems);

const anOrder = () => ({ orderId: randomUUID(), customerId: randomUUID(), shippingAddress: '12 Elm St, Springfield' });

describe('the facts the orders service publishes', () => {
  let world: OrdersWorld;
  beforeAll(async () => {
    world = await ordersWorld('em_update_events');
  });
  afterAll(() => world?.[Symbol.asyncDispose]());

  it('publishes OrderPlaced, OrderShippingAddressCorrected and OrderCancelled, each as the contract describes it', async () => {
    const order = anOrder();
    await world.service().place(order);
    await world.service().correctShippingAddress(order.orderId, '7 Oak Ave, Shelbyville');
    await world.service().cancel(order.orderId, 'ordered twice by mistake');
    expect(problemsAbout(world, order.orderId)).toEqual([]);
    expect(factsAbout(world, order.orderId)).toEqual([
      { type: 'OrderPlaced', data: order },
      { type: 'OrderShippingAddressCorrected', data: { orderId: order.orderId, shippingAddress: '7 Oak Ave, Shelbyville' } },
      { type: 'OrderCancelled', data: { orderId: order.orderId, reason: 'ordered twice by mistake' } },
    ]);
  });

  it('publishes nothing when only a technical column changes (last_seen_at on a page view)', async () => {
    const order = anOrder();
    await world.service().place(order);
    await world.service().recordView(order.orderId);
    await world.service().recordView(order.orderId);
    expect(factsAbout(world, order.orderId).map((fact) => fact.type)).toEqual(['OrderPlaced']);
  });

  it('publishes OrderCancelled once when an order is cancelled twice', async () => {
    const order = anOrder();
    await world.service().place(order);
    await world.service().cancel(order.orderId, 'found it cheaper');
    await world.service().cancel(order.orderId, 'found it cheaper');
    expect(factsAbout(world, order.orderId).map((fact) => fact.type)).toEqual(['OrderPlaced', 'OrderCancelled']);
  });
});

describe('the contract after a migration renames columns', () => {
  let world: OrdersWorld;
  beforeAll(async () => {
    world = await ordersWorld('em_update_events_migration');
  });
  afterAll(() => world?.[Symbol.asyncDispose]());

  // The same story before and after the migration, told about two orders.
  async function story(order: ReturnType<typeof anOrder>) {
    await world.service().place(order);
    await world.service().recordView(order.orderId);
    await world.service().correctShippingAddress(order.orderId, '7 Oak Ave, Shelbyville');
    await world.service().cancel(order.orderId, 'the parcel was too late');
    return factsAbout(world, order.orderId).map((fact) => JSON.parse(JSON.stringify(fact).replaceAll(order.orderId, '<order>').replaceAll(order.customerId, '<customer>')) as unknown);
  }

  it('publishes the same facts after ship_addr becomes shipping_address and cancel_reason becomes cancellation_reason', async () => {
    const before = await story(anOrder());
    await world.renameColumns({ shippingAddress: 'shipping_address', cancelReason: 'cancellation_reason' });
    const order = anOrder();
    const after = await story(order);
    expect(after, 'the events about an order after the migration, against those before it').toEqual(before);
    expect(problemsAbout(world, order.orderId)).toEqual([]);
  });

  it('publishes what the contract expects, whichever columns a migration renames', async () => {
    const fields = ['orderId', 'customerId', 'status', 'shippingAddress', 'cancelReason', 'lastSeenAt'] as const satisfies (keyof OrderColumns)[];
    const orderStory = fc.record({
      before: fc.array(fc.constantFrom('correct' as const, 'view' as const), { maxLength: 4 }),
      cancels: fc.integer({ min: 0, max: 2 }),
      viewsAfter: fc.integer({ min: 0, max: 2 }),
    });
    let addresses = 0;
    await assertProperty(
      fc.asyncProperty(fc.subarray([...fields]), fc.array(orderStory, { minLength: 1, maxLength: 3 }), async (renamed, stories) => {
        await world.renameColumns(Object.fromEntries(renamed.map((field) => [field, undefined])));
        const told = `after renaming ${renamed.map((f) => world.columns()[f]).join(', ') || 'nothing'}`;
        for (const s of stories) {
          const order = anOrder();
          const expected: { type: string; data: Record<string, unknown> }[] = [{ type: 'OrderPlaced', data: order }];
          await world.service().place(order);
          for (const step of s.before) {
            if (step === 'view') await world.service().recordView(order.orderId);
            else {
              const shippingAddress = `${++addresses} Birch Rd, Ogdenville`;
              await world.service().correctShippingAddress(order.orderId, shippingAddress);
              expected.push({ type: 'OrderShippingAddressCorrected', data: { orderId: order.orderId, shippingAddress } });
            }
          }
          for (let i = 0; i < s.cancels; i++) await world.service().cancel(order.orderId, 'changed my mind');
          if (s.cancels > 0) expected.push({ type: 'OrderCancelled', data: { orderId: order.orderId, reason: 'changed my mind' } });
          for (let i = 0; i < s.viewsAfter; i++) await world.service().recordView(order.orderId);
          const story = `${told}: placed, ${[...s.before, ...Array<string>(s.cancels).fill('cancel'), ...Array<string>(s.viewsAfter).fill('view')].join(', ')}`;
          expect(problemsAbout(world, order.orderId), story).toEqual([]);
          expect(factsAbout(world, order.orderId), story).toEqual(expected);
        }
      }),
      { numRuns: 15 },
    );
  });
});
