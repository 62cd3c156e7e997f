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
 * Runs one member of the group: reads the topic from the beginning (for a new group),
 * hands each event to `handle` in partition order, and commits only what was handled, so
 * that whoever owns a partition next (after a rebalance, a crash or a restart) resumes
 * right after the last handled event. Resolves once the consumer is running.
 */
export async function runOrderedConsumer({ consumer, topic, handle }: OrderedConsumerOptions): Promise<void> {
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    // Offsets are committed by hand, one handled event at a time: a commit on a timer could
    // cover an event that is still being handled when the partition moves.
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      for (const message of batch.messages) {
        // Stopping, or the partition was sought elsewhere: leave the rest of the batch to
        // whoever reads this partition next, from the last committed offset.
        if (!isRunning() || isStale()) return;
        // A throw leaves the offset unresolved and uncommitted: kafkajs fetches this event
        // again, and a new owner starts at it.
        await handle(decodeCartEvent(message.value));
        resolveOffset(message.offset);
        // The committed offset is the next one to read, one past the handled event.
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(BigInt(message.offset) + 1n) }]);
        // Tells the coordinator this member is alive, and learns of a rebalance between events.
        await heartbeat();
      }
    },
  });
}
