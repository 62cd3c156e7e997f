import type { Consumer, EachBatchHandler, Kafka } from 'kafkajs';

/**
 * A consumer of `topic` from its start in a group of its own, running `eachBatch`, returned
 * once it has joined the group: a benchmark's clock starts with the consumer ready.
 */
export async function joinedBatchConsumer(kafka: Kafka, topic: string, eachBatch: EachBatchHandler): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId: `${topic}-group`, maxWaitTimeInMs: 50 });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachBatch });
  await joined;
  return consumer;
}
