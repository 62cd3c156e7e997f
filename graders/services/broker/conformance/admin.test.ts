import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';

describe('the admin client', () => {
  it('creates a topic once, lists it with its partitions, and deletes it', async () => {
    await using kafka = await freshKafka('admin');
    const name = `${kafka.topic}-made`;
    expect(await kafka.admin.createTopics({ topics: [{ topic: name, numPartitions: 3 }], waitForLeaders: true })).toBe(true);
    expect(await kafka.admin.createTopics({ topics: [{ topic: name, numPartitions: 3 }] })).toBe(false);
    expect(await kafka.admin.listTopics()).toContain(name);
    const metadata = await kafka.admin.fetchTopicMetadata({ topics: [name] });
    expect(metadata.topics[0]!.partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);
    await kafka.admin.deleteTopics({ topics: [name] });
    expect(await kafka.admin.listTopics()).not.toContain(name);
  });

  it('refuses a topic name Kafka does not allow', async () => {
    await using kafka = await freshKafka('admin-invalid');
    await expect(kafka.admin.createTopics({ topics: [{ topic: 'no spaces allowed' }] })).rejects.toThrow();
  });

  it('lists the earliest and latest offsets of every partition', async () => {
    await using kafka = await freshKafka('admin-offsets', { partitions: 2 });
    const producer = kafka.client.producer();
    await producer.connect();
    await producer.send({ topic: kafka.topic, messages: [0, 1, 2].map((i) => ({ value: `v${i}`, partition: 0 })) });
    const [sent] = await producer.send({ topic: kafka.topic, messages: [{ value: 'w', partition: 1 }] });
    await producer.disconnect();
    expect(sent).toMatchObject({ partition: 1, baseOffset: '0', errorCode: 0 });
    const offsets = (await kafka.admin.fetchTopicOffsets(kafka.topic)).sort((a, b) => a.partition - b.partition);
    expect(offsets).toEqual([
      { partition: 0, offset: '3', high: '3', low: '0' },
      { partition: 1, offset: '1', high: '1', low: '0' },
    ]);
  });

  it('finds the first offset at or after a timestamp', async () => {
    await using kafka = await freshKafka('admin-timestamps');
    const producer = kafka.client.producer();
    await producer.connect();
    const base = Date.now() - 60_000;
    await producer.send({
      topic: kafka.topic,
      messages: [0, 1, 2, 3].map((i) => ({ value: `v${i}`, timestamp: String(base + i * 1_000) })),
    });
    await producer.disconnect();
    const [found] = await kafka.admin.fetchTopicOffsetsByTimestamp(kafka.topic, base + 1_500);
    expect(found).toEqual({ partition: 0, offset: '2' });
  });
});
