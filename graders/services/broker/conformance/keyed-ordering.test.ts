import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { quickConsumer } from './consumer-settings.ts';
import { MessageCollector } from './message-collector.ts';

describe('keyed messages', () => {
  it('land on one partition per key and keep the order they were sent in', async () => {
    await using kafka = await freshKafka('keyed-ordering', { partitions: 6 });
    const producer = kafka.client.producer();
    await producer.connect();
    const keys = ['order-1', 'order-2', 'order-3', 'order-4', 'order-5', 'order-6', 'order-7', 'order-8'];
    for (let round = 0; round < 5; round++) {
      await producer.send({
        topic: kafka.topic,
        messages: keys.flatMap((key) => [0, 1, 2, 3].map((i) => ({ key, value: `${key}:${round * 4 + i}` }))),
      });
    }
    await producer.disconnect();

    const consumer = kafka.client.consumer(quickConsumer(kafka.groupId()));
    const collector = new MessageCollector();
    await consumer.connect();
    await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
    await collector.run(consumer, 'only');
    await collector.until((r) => r.length === keys.length * 20, 'every keyed message');
    await consumer.disconnect();

    for (const key of keys) {
      const mine = collector.received.filter((m) => m.key === key);
      expect(new Set(mine.map((m) => m.partition)).size, `${key} on one partition`).toBe(1);
      const inOffsetOrder = [...mine].sort((a, b) => a.offset - b.offset).map((m) => Number(m.value!.split(':')[1]));
      expect(inOffsetOrder, `${key} in send order`).toEqual(Array.from({ length: 20 }, (_, i) => i));
    }
    expect(new Set(collector.received.map((m) => m.partition)).size).toBeGreaterThan(1);
  });
});
