import { describe, expect, it } from 'vitest';
import { anOrder, runOrder } from './support/orders.ts';

describe('the shipped OrderUpdated', () => {
  it('refunds a cancelled order once when its address is corrected afterwards', () => {
    const run = runOrder(anOrder(), [{ cancel: { reason: 'customer asked' } }, { shippingAddress: '2 Quay Lane, Leith' }]);
    expect(run.refunds.issued()).toHaveLength(1);
  });
});
