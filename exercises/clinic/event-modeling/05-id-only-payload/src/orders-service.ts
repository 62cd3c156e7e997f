import type { Order, OrderLine, OrdersService, OrdersServiceDeps } from './orders-api.ts';
import { envelope, orderLineAddedData, orderPlacedData } from './order-events.ts';

/** The orders service: keeps orders, publishes what happens to them, answers queries. */
export function createOrdersService({ publisher, topic, clock }: OrdersServiceDeps): OrdersService {
  const orders = new Map<string, Order>();
  const publish = (type: string, orderId: string, data: Record<string, unknown>) =>
    publisher.send({ topic, messages: [{ key: orderId, value: JSON.stringify(envelope(type, orderId, data, clock.now())) }] });

  return {
    async placeOrder(order) {
      const kept: Order = { ...order, lines: order.lines.map((line) => ({ ...line })) };
      orders.set(order.orderId, kept);
      await publish('OrderPlaced', order.orderId, orderPlacedData(kept));
    },
    async addLine(orderId, line) {
      const order = orders.get(orderId);
      if (!order) throw new Error(`No order ${orderId}: place it before adding lines to it`);
      const kept: OrderLine = { ...line };
      order.lines.push(kept);
      await publish('OrderLineAdded', orderId, orderLineAddedData(orderId, kept));
    },
    api: {
      async getOrder(orderId) {
        const order = orders.get(orderId);
        return order && structuredClone(order);
      },
      async getLine(orderId, lineId) {
        const line = orders.get(orderId)?.lines.find((l) => l.lineId === lineId);
        return line && { ...line };
      },
    },
  };
}
