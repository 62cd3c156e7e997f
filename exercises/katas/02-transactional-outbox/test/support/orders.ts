import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Cause, NewOrder } from '../../src/order.ts';

let counter = 0;

/** A plain order with a readable id (`order-7`), for example-based tests. */
export function anOrder(overrides: Partial<NewOrder> = {}): NewOrder {
  counter += 1;
  return {
    orderId: `order-${counter}-${randomUUID().slice(0, 8)}`,
    customerId: `customer-${counter % 3}`,
    currency: 'EUR',
    lines: [
      { sku: 'SKU-BOOK', quantity: 2, unitPriceCents: 1_250 },
      { sku: 'SKU-PEN', quantity: 1, unitPriceCents: 199 },
    ],
    ...overrides,
  };
}

export function aCause(): Cause {
  return { commandId: randomUUID(), correlationId: randomUUID() };
}

/** Orders as fast-check generates them (run each case on an emptied database: ids repeat across cases). */
export const orderArbitrary: fc.Arbitrary<NewOrder> = fc.record({
    orderId: fc.uuid().map((id) => `order-${id.slice(0, 8)}`),
    customerId: fc.constantFrom('customer-a', 'customer-b', 'customer-c'),
    currency: fc.constantFrom('EUR', 'USD', 'JPY', 'BHD'),
    lines: fc.array(
      fc.record({
        sku: fc.stringMatching(/^SKU-[A-Z]{1,6}$/),
        quantity: fc.integer({ min: 1, max: 20 }),
        unitPriceCents: fc.integer({ min: 0, max: 1_000_000 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  });
