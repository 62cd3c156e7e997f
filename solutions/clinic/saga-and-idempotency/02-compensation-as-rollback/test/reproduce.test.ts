import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrder, checkoutWorld, type CheckoutWorld } from './support/checkout.ts';

let world: CheckoutWorld;
beforeAll(async () => {
  world = await checkoutWorld('clinic_compensation_rollback_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped checkout compensation', () => {
  it('leaves the customer charged at the provider after the payment step is compensated', async () => {
    const order = anOrder(4500);
    const saga = world.saga();
    await saga.capturePayment(order);
    await saga.onShippingFailed(order.orderId);
    expect(world.provider.netCaptured(order.orderId)).toBe(0);
  });
});
