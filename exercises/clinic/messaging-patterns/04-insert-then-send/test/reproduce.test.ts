import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkout, type Checkout } from './support/checkout.ts';

// Your reproduction: the smallest test that fails on the code as shipped and passes once it
// is repaired. ./support/checkout.ts places orders as a process that can die at a chosen
// call (shop.placeOrder({ diesAt: { afterCalls: 1 } })), switches the broker off and on,
// runs the course's outbox relay, and lists the orders stored and the events on the topic;
// mismatches(stored, onTopic) names the orders without an event and the events without an order.
let shop: Checkout;
beforeAll(async () => {
  shop = await checkout('clinic_dual_write_reproduce');
});
afterAll(() => shop[Symbol.asyncDispose]());

describe('the shipped placeOrder', () => {
  it.todo('TODO: reproduce the order that was stored while its OrderPlaced never reached the topic');
});
