import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';

const keys = Array.from({ length: 12 }, (_, i) => `customer-${i}`);

describe('adding partitions to a topic', () => {
  it('moves some keys to other partitions, which is why keyed ordering needs a fixed partition count', async () => {
    await using kafka = await freshKafka('create-partitions', { partitions: 2 });
    /** The partition each key lands on, as the broker reports it for a one-message send. */
    const placement = async () => {
      // A new producer reads the partition count afresh; a running one would at its next metadata refresh.
      const producer = kafka.client.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      try {
        const where = new Map<string, number>();
        for (const key of keys) {
          const [sent] = await producer.send({ topic: kafka.topic, messages: [{ key, value: key }] });
          where.set(key, sent!.partition);
        }
        return where;
      } finally {
        await producer.disconnect();
      }
    };
    const before = await placement();
    await kafka.admin.createPartitions({ topicPartitions: [{ topic: kafka.topic, count: 3 }] });
    expect((await kafka.admin.fetchTopicMetadata({ topics: [kafka.topic] })).topics[0]!.partitions).toHaveLength(3);
    const after = await placement();
    const moved = keys.filter((key) => before.get(key) !== after.get(key));
    expect(moved.length, 'some key hashes to another partition once there are three').toBeGreaterThan(0);
    expect([...after.values()], 'the new partition receives keys').toContain(2);
    // The partitions that were there keep their records; nothing is moved or copied.
    const offsets = (await kafka.admin.fetchTopicOffsets(kafka.topic)).sort((a, b) => a.partition - b.partition);
    expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(2 * keys.length);
    await expect(kafka.admin.createPartitions({ topicPartitions: [{ topic: kafka.topic, count: 2 }] })).rejects.toMatchObject({ type: 'INVALID_PARTITIONS' });
  });
});
