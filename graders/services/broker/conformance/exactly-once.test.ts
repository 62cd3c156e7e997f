import type { Consumer, Producer } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { freshKafka, type TestKafka } from '../../../testkit/harness/kafka-topic.ts';
import { quickConsumer } from './consumer-settings.ts';
import { readUntil, transactionalProducer } from './transactions.ts';

interface Processor {
  consumer: Consumer;
  producer: Producer;
  /** Resolves when the processor has "crashed" on the value given, or with undefined. */
  crashed: Promise<void>;
}

/**
 * A read-process-write loop: each input record becomes one output record, written in the
 * same transaction as the consumer offset that follows it. With `crashOn`, it writes that
 * record's output and offset and then stops dead, transaction open, as a killed process would.
 */
async function startProcessor(kafka: TestKafka, output: string, crashOn?: string): Promise<Processor> {
  const groupId = kafka.groupId('processor');
  const producer = await transactionalProducer(kafka, kafka.groupId('processor-txn'));
  const consumer = kafka.client.consumer(quickConsumer(groupId));
  let crash!: () => void;
  const crashed = new Promise<void>((resolve) => (crash = resolve));
  let dead = false;
  await consumer.connect();
  await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      if (dead) return;
      const transaction = await producer.transaction();
      await transaction.send({ topic: output, messages: [{ key: message.key, value: message.value!.toString().toUpperCase() }] });
      await transaction.sendOffsets({
        consumerGroupId: groupId,
        topics: [{ topic, partitions: [{ partition, offset: String(Number(message.offset) + 1) }] }],
      });
      if (message.value!.toString() === crashOn) {
        dead = true;
        crash();
        return;
      }
      await transaction.commit();
    },
  });
  return { consumer, producer, crashed };
}

describe('a transactional read-process-write loop', () => {
  it('writes each input exactly once to its output topic, across a crash mid-transaction', async () => {
    await using kafka = await freshKafka('exactly-once');
    const output = `${kafka.topic}-out`;
    await kafka.admin.createTopics({ topics: [{ topic: output, numPartitions: 1 }], waitForLeaders: true });
    try {
      const input = kafka.client.producer();
      await input.connect();
      await input.send({ topic: kafka.topic, messages: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((value) => ({ value })) });
      await input.disconnect();

      const first = await startProcessor(kafka, output, 'n4');
      await first.crashed;
      await first.consumer.disconnect();
      // The first processor's producer stays connected, its transaction open: a zombie.
      const second = await startProcessor(kafka, output);
      expect(await readUntil(kafka, 'N6', { topic: output })).toEqual(['N1', 'N2', 'N3', 'N4', 'N5', 'N6']);
      await second.consumer.disconnect();
      await second.producer.disconnect();
      await first.producer.disconnect();

      // The crashed transaction's output was written, then aborted when the successor started.
      expect(await readUntil(kafka, 'N6', { topic: output, readUncommitted: true })).toEqual(['N1', 'N2', 'N3', 'N4', 'N4', 'N5', 'N6']);
      const [committed] = await kafka.admin.fetchOffsets({ groupId: kafka.groupId('processor'), topics: [kafka.topic] });
      expect(committed!.partitions).toEqual([{ partition: 0, offset: '6', metadata: null }]);
    } finally {
      await kafka.admin.deleteTopics({ topics: [output] });
    }
  });
});
