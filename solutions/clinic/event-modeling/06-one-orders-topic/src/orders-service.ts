import type { Order, OrdersService, OrdersServiceDeps } from './orders-api.ts';
import { orderFact, type OrderFactType } from './order-messages.ts';

/**
 * The orders service. Facts go onto the `orders` topic keyed by order id: the broker puts
 * every record with one key on one partition, so each order's facts stay in the order they
 * happened however many partitions the topic has. A lookup is a request with one answer for
 * one caller: it is answered by the service that owns the orders (a call, here), and leaves
 * nothing on the topic for the other consumers to filter out.
 */
export function createOrdersService({ producer, topic, clock }: OrdersServiceDeps): OrdersService {
  const orders = new Map<string, Order>();

  const publish = (type: OrderFactType, orderId: string, data: Record<string, unknown> = {}) =>
    producer.send({ topic, messages: [{ key: orderId, value: JSON.stringify(orderFact(type, orderId, data, clock.now())) }] });

  return {
    async create(order) {
      orders.set(order.orderId, { ...order });
      await publish('OrderPlaced', order.orderId, { customerId: order.customerId, shippingAddress: order.shippingAddress });
    },
    async updateShippingAddress(orderId, shippingAddress) {
      const order = orders.get(orderId);
      if (!order) throw new Error(`No order ${orderId} to correct`);
      order.shippingAddress = shippingAddress;
      await publish('OrderShippingAddressCorrected', orderId, { shippingAddress });
    },
    async remove(orderId) {
      if (!orders.delete(orderId)) return;
      await publish('OrderWithdrawn', orderId);
    },
    async lookup(orderId) {
      const order = orders.get(orderId);
      return order && { ...order };
    },
    async close() {},
  };
}
