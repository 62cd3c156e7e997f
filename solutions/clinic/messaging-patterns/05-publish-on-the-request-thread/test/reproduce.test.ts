import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, orderWorld, type OrderWorld } from './support/order-world.ts';

let world: OrderWorld;
beforeAll(async () => {
  world = await orderWorld('clinic_request_thread_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped order service', () => {
  it('answers an order it stored with an error when the broker is down', async () => {
    const customerId = aCustomer();
    await world.brokerDown(true);
    const answer = await world.placeOrder({ customerId });
    await world.brokerDown(false);
    expect(await world.ordersOf(customerId)).toHaveLength(1);
    expect(answer.status).toBe(201);
  });
});
