import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import type { Order, OrdersService, OrdersServiceDeps } from './orders-api.ts';
import { orderMessage, type OrderMessage, type OrderMessageType } from './order-messages.ts';

/**
 * The orders service. Every change goes onto the `orders` topic for whoever needs it, and
 * lookups go through the topic too: a lookup is published, the service's order desk (a
 * consumer on the same topic) answers it with a result on the topic, and the caller picks
 * its answer up there. One channel for everything about orders.
 */
export function createOrdersService({ kafka, producer, topic, groupId, clock }: OrdersServiceDeps): OrdersService {
  const orders = new Map<string, Order>();
  const waiting = new Map<string, (order: Order | undefined) => void>();
  let desk: Promise<Consumer> | undefined;

  const send = (type: OrderMessageType, data: Record<string, unknown>) =>
    producer.send({ topic, messages: [{ value: JSON.stringify(orderMessage(type, data, clock.now())) }] });

  async function startDesk(): Promise<Consumer> {
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const { type, data } = JSON.parse(message.value!.toString()) as OrderMessage;
        if (type === 'order.lookup') {
          await send('order.lookup.result', { requestId: data.requestId, order: orders.get(String(data.orderId)) ?? null });
        } else if (type === 'order.lookup.result') {
          waiting.get(String(data.requestId))?.((data.order as Order | null) ?? undefined);
          waiting.delete(String(data.requestId));
        }
      },
    });
    return consumer;
  }

  return {
    async create(order) {
      orders.set(order.orderId, { ...order });
      await send('order.create', { ...order });
    },
    async updateShippingAddress(orderId, shippingAddress) {
      const order = orders.get(orderId);
      if (!order) throw new Error(`No order ${orderId} to update`);
      order.shippingAddress = shippingAddress;
      await send('order.update', { orderId, shippingAddress });
    },
    async remove(orderId) {
      orders.delete(orderId);
      await send('order.delete', { orderId });
    },
    async lookup(orderId) {
      desk ??= startDesk();
      await desk;
      const requestId = randomUUID();
      const answer = new Promise<Order | undefined>((resolve) => waiting.set(requestId, resolve));
      await send('order.lookup', { requestId, orderId });
      return answer;
    },
    async close() {
      await (await desk)?.disconnect();
    },
  };
}
