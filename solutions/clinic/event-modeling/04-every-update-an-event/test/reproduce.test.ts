import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractProblems } from './support/contract.ts';
import { ordersWorld, type OrdersWorld } from './support/orders-world.ts';

let world: OrdersWorld;
beforeAll(async () => {
  world = await ordersWorld('em_update_events_reproduce');
});
afterAll(() => world?.[Symbol.asyncDispose]());

describe('the shipped orders service', () => {
  it('publishes an address correction the contract accepts after ship_addr is renamed', async () => {
    await world.renameColumns({ shippingAddress: 'shipping_address' });
    const orderId = randomUUID();
    await world.service().place({ orderId, customerId: randomUUID(), shippingAddress: '12 Elm St' });
    await world.service().correctShippingAddress(orderId, '7 Oak Ave');
    expect(world.published().flatMap(contractProblems)).toEqual([]);
  });
});
