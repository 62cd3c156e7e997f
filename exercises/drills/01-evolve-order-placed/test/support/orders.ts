import fc from 'fast-check';
import type { EventMeta } from '../../src/event-meta.ts';
import type { PlacedOrder } from '../../src/placed-order.ts';

const day = 24 * 60 * 60 * 1000;
const from = Date.parse('2026-01-01T00:00:00.000Z');

/** A ULID (time part first, as the outbox writer mints them). */
const ulid = fc.stringMatching(/^0[0-9A-HJKMNP-TV-Z]{25}$/);

export const metas = (): fc.Arbitrary<EventMeta> => fc.record({ eventId: ulid, commandId: ulid, correlationId: ulid });

/** Any order checkout can place: currencies with 0, 2 and 3 minor digits, free lines, repeated skus. */
export const orders = (): fc.Arbitrary<PlacedOrder> =>
  fc.record({
    orderId: fc.stringMatching(/^ord-[0-9]{1,6}$/),
    customerId: fc.stringMatching(/^cus-[0-9]{1,6}$/),
    currency: fc.constantFrom('EUR', 'USD', 'GBP', 'JPY', 'BHD', 'CHF'),
    lines: fc.array(
      fc.record({
        sku: fc.constantFrom('MUG-350', 'TEA-GREEN', 'KETTLE-1L', 'SAMPLE-TEA'),
        quantity: fc.integer({ min: 1, max: 20 }),
        unitPriceCents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500_000 })),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    placedAt: fc.integer({ min: from, max: from + 365 * day }).map((ms) => new Date(ms)),
  }).chain((order) =>
    fc.record({
      method: fc.constantFrom('standard', 'express', 'pickup' as const),
      // Promised from the day of the order to three weeks later, at any time of day.
      promisedBy: fc.integer({ min: 0, max: 21 * day }).map((ms) => new Date(order.placedAt.getTime() + ms)),
    }).map((delivery) => ({ ...order, delivery })),
  );
