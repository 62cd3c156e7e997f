import { ConfigResourceTypes, ConfigSource } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { freshKafka, type TestKafka } from '../../../testkit/harness/kafka-topic.ts';
import { quickConsumer } from '../conformance/consumer-settings.ts';
import { MessageCollector } from '../conformance/message-collector.ts';
import { embeddedOnly, embeddedOnlySuffix } from '../embedded-only.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';

/**
 * Retention and compaction on the broker's clock: each test gives the broker a clock it
 * moves by hand and runs the cleaner itself (`state.cleanLogs()`), so nothing waits for
 * Kafka's five-minute retention check. Real Kafka cannot be driven so, hence embedded only.
 */
const start = 1_700_000_000_000;

async function setConfigs(kafka: TestKafka, topic: string, entries: Record<string, string>) {
  const configEntries = Object.entries(entries).map(([name, value]) => ({ name, value }));
  await kafka.admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries }] });
}

async function readAll(kafka: TestKafka, count: number): Promise<[number, string | null, string | null][]> {
  const collector = new MessageCollector();
  const consumer = kafka.client.consumer(quickConsumer(kafka.groupId(`reader-${Math.random()}`)));
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
    await collector.run(consumer, 'reader');
    await collector.until((r) => r.length >= count, `${count} records`);
  } finally {
    await consumer.disconnect();
  }
  return collector.received.map((m) => [m.offset, m.key, m.value]);
}

describe(`retention by time and size ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('deletes batches whose newest record is older than retention.ms and moves the log start offset', async () => {
    let now = start;
    await using broker = await startEmbeddedBroker({ clock: () => now });
    await using kafka = await freshKafka('retention-ms', { on: broker });
    const producer = kafka.client.producer();
    await producer.connect();
    await producer.send({ topic: kafka.topic, messages: [{ value: 'old-1', timestamp: String(start) }, { value: 'old-2', timestamp: String(start) }] });
    await producer.send({ topic: kafka.topic, messages: [{ value: 'new', timestamp: String(start + 60_000) }] });
    await producer.disconnect();
    await setConfigs(kafka, kafka.topic, { 'retention.ms': '30000' });

    now = start + 30_000;
    broker.state.cleanLogs();
    expect((await kafka.admin.fetchTopicOffsets(kafka.topic))[0]).toMatchObject({ low: '0', high: '3' });
    now = start + 30_001;
    broker.state.cleanLogs();
    expect((await kafka.admin.fetchTopicOffsets(kafka.topic))[0]).toMatchObject({ low: '2', high: '3' });
    expect(await readAll(kafka, 1)).toEqual([[2, null, 'new']]);

    now = start + 90_001;
    broker.state.cleanLogs();
    expect((await kafka.admin.fetchTopicOffsets(kafka.topic))[0]).toMatchObject({ low: '3', high: '3' });
  });

  it('deletes the oldest batches while the partition would still hold retention.bytes without them', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('retention-bytes', { on: broker });
    const producer = kafka.client.producer();
    await producer.connect();
    for (let i = 0; i < 10; i++) await producer.send({ topic: kafka.topic, messages: [{ value: `value-${i}` }] });
    await producer.disconnect();
    const log = broker.state.topics.partition(kafka.topic, 0)!.log;
    const batchSize = log.sizeInBytes / 10; // ten batches of the same size
    await setConfigs(kafka, kafka.topic, { 'retention.bytes': String(3 * batchSize + 1) });
    broker.state.cleanLogs();
    // Kafka keeps a segment unless the log would still hold at least retention.bytes without it:
    // four batches are 4 × size ≥ 3 × size + 1, three are not, so four stay.
    expect(log.sizeInBytes).toBe(4 * batchSize);
    expect((await kafka.admin.fetchTopicOffsets(kafka.topic))[0]).toMatchObject({ low: '6', high: '10' });
  });

  it('falls back to the broker default, described as a static broker config', async () => {
    await using broker = await startEmbeddedBroker({ retentionMs: 3_600_000 });
    await using kafka = await freshKafka('retention-default', { on: broker });
    const { resources } = await kafka.admin.describeConfigs({
      resources: [{ type: ConfigResourceTypes.TOPIC, name: kafka.topic, configNames: ['retention.ms'] }],
      includeSynonyms: true,
    });
    expect(resources[0]!.configEntries).toEqual([
      expect.objectContaining({
        configName: 'retention.ms',
        configValue: '3600000',
        configSource: ConfigSource.STATIC_BROKER_CONFIG,
        configSynonyms: [{ configName: 'log.retention.ms', configValue: '3600000', configSource: ConfigSource.STATIC_BROKER_CONFIG }],
      }),
    ]);
  });
});

describe(`log compaction ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('keeps the latest record per key at its own offset, then drops a tombstone after delete.retention.ms', async () => {
    let now = start;
    await using broker = await startEmbeddedBroker({ clock: () => now });
    await using kafka = await freshKafka('compaction', { on: broker });
    await setConfigs(kafka, kafka.topic, { 'cleanup.policy': 'compact', 'delete.retention.ms': '1000' });
    const producer = kafka.client.producer();
    await producer.connect();
    // One batch of three records, then single ones: compaction rewrites the first batch.
    await producer.send({ topic: kafka.topic, messages: [{ key: 'a', value: 'a1' }, { key: 'b', value: 'b1' }, { key: 'a', value: 'a2' }] });
    await producer.send({ topic: kafka.topic, messages: [{ key: 'c', value: 'c1' }] });
    await producer.send({ topic: kafka.topic, messages: [{ key: 'b', value: null }] });
    await producer.send({ topic: kafka.topic, messages: [{ key: 'd', value: 'd1' }] });
    await producer.disconnect();

    broker.state.cleanLogs();
    expect(await readAll(kafka, 4)).toEqual([[2, 'a', 'a2'], [3, 'c', 'c1'], [4, 'b', null], [5, 'd', 'd1']]);
    // Compaction leaves the log start and end where they were; only the offsets between have gaps.
    expect((await kafka.admin.fetchTopicOffsets(kafka.topic))[0]).toMatchObject({ low: '0', high: '6' });

    now = start + 1_000;
    broker.state.cleanLogs();
    expect(await readAll(kafka, 4)).toEqual([[2, 'a', 'a2'], [3, 'c', 'c1'], [4, 'b', null], [5, 'd', 'd1']]);
    now = start + 1_001;
    broker.state.cleanLogs();
    expect(await readAll(kafka, 3)).toEqual([[2, 'a', 'a2'], [3, 'c', 'c1'], [5, 'd', 'd1']]);
  });

  it('refuses DeleteRecords on a compact-only topic, as Kafka does', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('compaction-delete-records', { on: broker });
    await setConfigs(kafka, kafka.topic, { 'cleanup.policy': 'compact' });
    const producer = kafka.client.producer();
    await producer.connect();
    await producer.send({ topic: kafka.topic, messages: [{ key: 'k', value: 'v' }] });
    await producer.disconnect();
    const deletion = kafka.admin.deleteTopicRecords({ topic: kafka.topic, partitions: [{ partition: 0, offset: '1' }] });
    const refused = { partitions: [expect.objectContaining({ error: expect.objectContaining({ type: 'POLICY_VIOLATION' }) })] };
    await expect(deletion).rejects.toMatchObject({ cause: refused });
  });
});
