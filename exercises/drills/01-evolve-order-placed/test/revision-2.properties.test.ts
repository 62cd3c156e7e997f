import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { orderPlacedV2 } from '../src/order-placed-v2.ts';
import { orderPlacedV1 } from './recorded/order-placed-v1.ts';
import { analytics, perEventConsumers } from './recorded/v1-consumers.ts';
import { metas, orders } from './support/orders.ts';
import { compileRevision2, refusal } from './support/revision-2.ts';

describe('your OrderPlaced revision 2 on generated orders', () => {
  it('gives every v1 consumer the same result on the v2 event of any order as on its v1 event', async () => {
    await assertProperty(fc.property(fc.array(fc.tuple(orders(), metas()), { minLength: 1, maxLength: 4 }), (placed) => {
      const v1 = placed.map(([order, meta]) => orderPlacedV1(order, meta));
      const v2 = placed.map(([order, meta]) => orderPlacedV2(order, meta));
      for (const [i, [order]] of placed.entries()) {
        for (const [name, consume] of Object.entries(perEventConsumers)) {
          expect(consume(v2[i]), `${name} reads order ${order.orderId} (${order.currency}) differently in revision 2`).toEqual(consume(v1[i]));
        }
      }
      expect(analytics(v2), 'v1 analytics counts different revenue from revision 2 events').toEqual(analytics(v1));
    }), { numRuns: 100 });
  });

  it('reads the v1 event of any order', async () => {
    const validate = compileRevision2();
    await assertProperty(fc.property(orders(), metas(), (order, meta) => {
      const event = orderPlacedV1(order, meta);
      if (!validate(event)) throw new Error(`a v2 consumer refuses the v1 event of order ${order.orderId} (${order.currency}): ${refusal(validate)}`);
    }), { numRuns: 100 });
  });
});
