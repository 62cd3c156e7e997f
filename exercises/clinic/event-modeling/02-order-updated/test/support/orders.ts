import { type Order, type OrderEdit, applyEdit } from '../../src/order.ts';
import { eventsForEdit, type OrderEvent, orderPlaced } from '../../src/order-events.ts';
import { createRefunds, type Refunds } from '../../src/refunds.ts';
import { createShipping, type Shipping } from '../../src/shipping.ts';

export const anOrder = (orderId = 'o-1'): Order => ({
  orderId,
  status: 'placed',
  shippingAddress: '1 Harbour Row, Leith',
  giftNote: '',
  amountCents: 4_200,
});

/** What one run of the order service and its consumers produced. */
export interface OrderRun {
  /** The order's state after every edit. */
  order: Order;
  /** The events each edit produced, one list per edit (the placing event is not in it). */
  perEdit: OrderEvent[][];
  /** Every event, OrderPlaced first, as the consumers received them. */
  events: OrderEvent[];
  shipping: Shipping;
  refunds: Refunds;
}

/**
 * Places the order, applies each edit in turn, and delivers every event the order service
 * publishes to shipping and refunds, once each and in order.
 */
export function runOrder(order: Order, edits: OrderEdit[]): OrderRun {
  const shipping = createShipping();
  const refunds = createRefunds();
  const events: OrderEvent[] = [];
  const deliver = (event: OrderEvent) => {
    events.push(event);
    shipping.handle(event);
    refunds.handle(event);
  };
  deliver(orderPlaced(order));
  let current = order;
  const perEdit: OrderEvent[][] = [];
  for (const edit of edits) {
    const next = applyEdit(current, edit);
    const produced = eventsForEdit(current, next, edit);
    perEdit.push(produced);
    produced.forEach(deliver);
    current = next;
  }
  return { order: current, perEdit, events, shipping, refunds };
}
