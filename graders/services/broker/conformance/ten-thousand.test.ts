import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { quickConsumer } from './consumer-settings.ts';

describe('a topic with six partitions', () => {
  it('delivers 10,000 messages complete and each exactly once', async () => {
    await using kafka = await freshKafka('ten-thousand', { partitions: 6 });
    const total = 10_000;
    const producer = kafka.client.producer();
    await producer.connect();
    for (let start = 0; start < total; start += 1_000) {
      await producer.send({
        topic: kafka.topic,
        messages: Array.from({ length: 1_000 }, (_, i) => ({ key: `k${(start + i) % 97}`, value: String(start + i) })),
      });
    }
    await producer.disconnect();

    const consumer = kafka.client.consumer(quickConsumer(kafka.groupId()));
    const seen = new Map<number, number>();
    const partitions = new Set<number>();
    let done!: () => void;
    const complete = new Promise<void>((resolve) => (done = resolve));
    await consumer.connect();
    await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        partitions.add(batch.partition);
        for (const message of batch.messages) {
          const value = Number(message.value!.toString());
          seen.set(value, (seen.get(value) ?? 0) + 1);
        }
        if (seen.size === total) done();
      },
    });
    await complete;
    await consumer.disconnect();

    expect(seen.size).toBe(total);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect(partitions.size).toBe(6);
  });
});
