import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkout, type Checkout, mismatches } from './support/checkout.ts';

let shop: Checkout;
beforeAll(async () => {
  shop = await checkout('clinic_dual_write_reproduce');
});
afterAll(() => shop[Symbol.asyncDispose]());

describe('the shipped placeOrder', () => {
  it('never leaves an order without its OrderPlaced when checkout dies right after storing it', async () => {
    await shop.placeOrder({ diesAt: { afterCalls: 1 } });
    await shop.drainOutbox();
    expect(mismatches(await shop.ordersStored(), shop.ordersOnTopic()).ordersWithoutEvent).toEqual([]);
  });
});
