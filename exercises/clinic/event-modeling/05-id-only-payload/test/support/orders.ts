import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Order, OrderLine } from '../../src/orders-api.ts';

let lineCount = 0;

/** A line with an id of its own. */
export function aLine(sku: string, quantity: number, unitPriceCents: number): OrderLine {
  return { lineId: `line-${++lineCount}-${randomUUID().slice(0, 6)}`, sku, quantity, unitPriceCents };
}

/** An order for a new customer, with the lines given. */
export function anOrder(lines: OrderLine[]): Order {
  const customer = randomUUID().slice(0, 8);
  return { orderId: `order-${randomUUID()}`, customerId: `customer-${customer}`, customerEmail: `buyer.${customer}@example.org`, lines };
}

/** Lines as generated cases use them: one to four, with small quantities and prices. */
export const arbitraryLine = (): fc.Arbitrary<OrderLine> =>
  fc
    .record({ sku: fc.constantFrom('MUG-01', 'TEA-50', 'WRAP-GIFT', 'BOOK-7'), quantity: fc.integer({ min: 1, max: 5 }), unitPriceCents: fc.integer({ min: 1, max: 9_999 }) })
    .map(({ sku, quantity, unitPriceCents }) => aLine(sku, quantity, unitPriceCents));
