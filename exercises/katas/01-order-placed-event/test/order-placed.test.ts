import { orderPlaced } from '../src/order-placed/order-placed.ts';
import { designRecord } from '../src/order-placed/design-record.ts';
import type { PlacedOrder } from '../src/order-placed/placed-order.ts';
import { placedOrders } from './support/domain-arbitraries.ts';
import { describeDesignRecord } from './support/design-record-spec.ts';
import { describeEventFactory } from './support/event-factory-spec.ts';
import { describeEventSchema } from './support/event-schema-spec.ts';
import type { EventVariant } from './support/event-variant.ts';
import { describeOutbox } from './support/outbox-spec.ts';

const variant: EventVariant<PlacedOrder> = {
  eventType: 'OrderPlaced',
  commandType: 'PlaceOrder',
  inputName: 'order',
  produce: orderPlaced,
  designRecord,
  schemaFile: new URL('../src/order-placed/order-placed.schema.json', import.meta.url),
  inputs: placedOrders(),
  examples: [
    {
      orderId: 'ord_7Hq2Zk',
      customer: { customerId: 'cus_4Rb9', fullName: 'Zoë Łukasiewicz', email: 'Zoe.Lukasiewicz+Orders@Example.COM', address: 'Hauptstraße 12\nKöln', cardNumber: '4111-1111-1111-1111' },
      // A removed line (quantity 0) and a free one, in a currency with three minor digits.
      lines: [
        { sku: 'BK-1', quantity: 2, unitPriceCents: 1999 },
        { sku: 'PN-7', quantity: 0, unitPriceCents: 350 },
        { sku: 'GF-2', quantity: 1, unitPriceCents: 0 },
        { sku: 'CH-3', quantity: 3, unitPriceCents: 1001 },
      ],
      currency: 'BHD',
      placedAt: new Date('2026-03-29T01:30:00.123Z'),
    },
    {
      orderId: 'ord_Yen01',
      customer: { customerId: 'cus_T4ro', fullName: '山田 太郎', email: 'taro@example.jp', address: '1-chōme Shibuya 3, 東京', cardNumber: '5500 0000 0000 0004' },
      lines: [{ sku: 'TV-9', quantity: 1, unitPriceCents: Number.MAX_SAFE_INTEGER }],
      currency: 'JPY',
      placedAt: new Date('2025-12-31T23:59:59.999Z'),
    },
  ],
  personOf: (order) => order.customer,
  pricedLinesOf: (order) => order.lines,
  currencyOf: (order) => order.currency,
  occurredAtOf: (order) => order.placedAt,
  stableIdsOf: (order) => ({ orderId: order.orderId, customerId: order.customer.customerId }),
};
const requiredDataFields = ['orderId', 'customerId', 'lines', 'totalCents', 'currency'];

describeEventFactory(variant);
describeEventSchema(variant, requiredDataFields);
describeDesignRecord(variant, requiredDataFields);
describeOutbox(variant);
