import type { Producer } from 'kafkajs';
import { type CartEvent, encodeCartEvent } from './cart-event.ts';

/**
 * Publishes cart events so that every consumer group sees each cart's events in the order
 * given. Values are encoded with encodeCartEvent. Resolves once the broker has them all.
 */
export async function publishCartEvents(producer: Producer, topic: string, events: readonly CartEvent[]): Promise<void> {
  // The cart id is the key: the partitioner hashes it, so one cart's events share a
  // partition, and one send keeps them in the given order within it.
  await producer.send({ topic, messages: events.map((event) => ({ key: event.cartId, value: encodeCartEvent(event) })) });
}
