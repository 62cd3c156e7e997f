import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCapture, paymentsWorld, type PaymentsWorld } from './support/payments.ts';

let world: PaymentsWorld;
beforeAll(async () => {
  world = await paymentsWorld('clinic_negative_capture_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped payments stream', () => {
  it('tells the warehouse to ship a refunded order a second time', async () => {
    const capture = aCapture(4500);
    await world.ledger.recordCapture(capture);
    await world.ledger.recordRefund({ paymentId: capture.paymentId, amountCents: 4500 });
    expect((await world.shipments()).filter((order) => order === capture.orderId)).toEqual([capture.orderId]);
  });
});
