import type { Consumer } from 'kafkajs';
import type { CartEvent } from './cart-event.ts';

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
  void consumer;
  void topic;
  void handle;
  throw new Error('TODO: subscribe, run, and commit only handled offsets (README.md, part 3).');
}
