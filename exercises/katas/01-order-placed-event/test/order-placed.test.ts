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
