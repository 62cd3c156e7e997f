import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPayment, paymentWorld, type PaymentWorld } from './support/payments.ts';

let world: PaymentWorld;
beforeAll(async () => {
  world = await paymentWorld('clinic_no_idempotency_key_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped payment step', () => {
  it('charges the customer twice when the provider charged but its answer was lost', async () => {
    const payment = aPayment(7_000);
    world.provider.loseAnswers(1);
    await world.paymentStep().pay(payment);
    expect(world.provider.chargedFor(payment.orderId)).toEqual([7_000]);
  });
});
