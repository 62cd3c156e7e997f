import type { Consumer } from 'kafkajs';
import { type CartEvent, decodeCartEvent } from './cart-event.ts';

export interface OrderedConsumerOptions {
  /** A connected kafkajs consumer, created with the group id; this function subscribes it and runs it. */
  consumer: Consumer;
  topic: string;
  /** Applies one event. It may throw; the event must then be handled again before any later event of its partition. */
  handle: (event: CartEvent) => Promise<void>;
}

/**
 * The same member with eachMessage: kafkajs runs the loop, stops it between messages when
 * the consumer stops or a partition is sought elsewhere, and fetches a message again when
 * its handler throws. What is left to this function is the commit, after the handler.
 */
export async function runOrderedConsumer({ consumer, topic, handle }: OrderedConsumerOptions): Promise<void> {
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic: from, partition, message }) => {
      await handle(decodeCartEvent(message.value));
      // One past the handled message: the offset the next owner of the partition reads first.
      await consumer.commitOffsets([{ topic: from, partition, offset: String(BigInt(message.offset) + 1n) }]);
    },
  });
}
