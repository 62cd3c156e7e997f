import { describe, it } from 'vitest';
import { anOrder, runOrder } from './support/orders.ts';

// Your reproduction: the smallest test that fails on the code as shipped and passes once it
// is repaired. runOrder(order, edits) places the order, applies each edit, and hands every
// event the order service publishes to shipping and refunds; read what they did from
// run.shipping.parcel(orderId) and run.refunds.issued().
void anOrder;
void runOrder;

describe('the shipped OrderUpdated', () => {
  it.todo('TODO: reproduce the customer who was refunded twice, or the parcel re-routed for a gift note');
});
