import type { EventMeta } from '../../src/event-meta.ts';
import type { PlacedOrder } from '../../src/placed-order.ts';

/**
 * Orders whose v1 events are in the log (v1-events.json) and whose v1 consumers' results
 * were recorded (v1-results.json). The delivery is what checkout now knows of each; v1 never
 * carried it. Chosen to stage the edges: a currency without minor units (JPY), a free order,
 * several lines of the same sku, each delivery method.
 */
export const recordedOrders: { order: PlacedOrder; meta: EventMeta }[] = [
  {
    order: {
      orderId: 'ord-1001', customerId: 'cus-77', currency: 'EUR', placedAt: new Date('2026-03-02T09:15:00.000Z'),
      lines: [{ sku: 'MUG-350', quantity: 2, unitPriceCents: 1250 }, { sku: 'TEA-GREEN', quantity: 1, unitPriceCents: 899 }],
      delivery: { method: 'express', promisedBy: new Date('2026-03-03T00:00:00.000Z') },
    },
    meta: { eventId: '01KJNYF6R0AV4E2Q4J4H0P6V7M', commandId: '01KJNYF6QZC5TSM9B0N5G8W2DA', correlationId: '01KJNYF3X1W8PZ2Q7V5E6R4T3Y' },
  },
  {
    order: {
      orderId: 'ord-1002', customerId: 'cus-78', currency: 'JPY', placedAt: new Date('2026-03-02T23:59:59.999Z'),
      lines: [{ sku: 'KETTLE-1L', quantity: 1, unitPriceCents: 4800 }],
      delivery: { method: 'standard', promisedBy: new Date('2026-03-09T12:00:00.000Z') },
    },
    meta: { eventId: '01KJQ7D1ZZ3M6N8P0R2S4T6V8W', commandId: '01KJQ7D1ZY1B3C5D7E9F1G3H5J', correlationId: '01KJQ7CZ0K2M4N6P8Q0R2S4T6V' },
  },
  {
    order: {
      orderId: 'ord-1003', customerId: 'cus-77', currency: 'GBP', placedAt: new Date('2026-03-03T07:00:00.000Z'),
      lines: [{ sku: 'SAMPLE-TEA', quantity: 3, unitPriceCents: 0 }, { sku: 'SAMPLE-TEA', quantity: 1, unitPriceCents: 0 }],
      delivery: { method: 'pickup', promisedBy: new Date('2026-03-05T00:00:00.000Z') },
    },
    meta: { eventId: '01KJRBC8M05Q7R9S1T3V5W7X9Y', commandId: '01KJRBC8KZ0A2B4C6D8E0F2G4H', correlationId: '01KJRBC6F02N4P6Q8R0S2T4V6W' },
  },
];
