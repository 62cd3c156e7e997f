import { randomUUID } from 'node:crypto';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';
import type { OrderEvent, PlacedOrder } from './order-event.ts';

export interface OrderPublisherDeps {
  /** The broker; a kafkajs producer fits as it is. */
  producer: Publisher;
  topic: string;
  clock: Clock;
}

/** The checkout service's publisher; keep this shape. */
export interface OrderPublisher {
  /** Publishes OrderPlaced and returns the event as it went out. */
  orderPlaced(order: PlacedOrder): Promise<OrderEvent>;
  /**
   * Puts right an order whose published total was wrong: `published` is the event as it went
   * out, `totalCents` the right total. Returns what it published.
   */
  correctTotal(published: OrderEvent, totalCents: number, reason: string): Promise<OrderEvent>;
}

export function createOrderPublisher({ producer, topic, clock }: OrderPublisherDeps): OrderPublisher {
  const send = async (event: OrderEvent) => {
    await producer.send({ topic, messages: [{ key: String(event.data.orderId), value: JSON.stringify(event) }] });
    return event;
  };
  return {
    orderPlaced(order) {
      return send({
        id: randomUUID(),
        type: 'OrderPlaced',
        version: 1,
        source: 'checkout',
        occurredAt: clock.now().toISOString(),
        correlationId: order.orderId,
        causationId: order.orderId,
        data: { orderId: order.orderId, totalCents: order.totalCents },
      });
    },
    correctTotal(published, totalCents) {
      // The payload was wrong, so we send the same event again with the payload fixed.
      return send({ ...published, data: { ...published.data, totalCents } });
    },
  };
}
