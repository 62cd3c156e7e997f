/*
 * librdkafka 2.0 through Debian's python3-confluent-kafka in the client matrix: one Python
 * call per scenario (confluent_kafka_matrix.py). Transactions through this client are the
 * conformance test ../conformance/librdkafka/transactions.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { embeddedOnlySuffix } from '../embedded-only.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';
import { confluentKafka, python } from './installed.ts';
import { runClient } from './run-process.ts';
import { expectedCodecs, storedCodecs } from './stored-batches.ts';

const script = new URL('./confluent_kafka_matrix.py', import.meta.url).pathname;
const scenario = async (name: string, brokers: string[], topic: string, group?: string) =>
  JSON.parse(await runClient(python, [script, name, brokers.join(','), topic, ...(group ? [group] : [])]));
const test = (name: string) => `${name}${confluentKafka.skipReason}`;

describe('python3-confluent-kafka (librdkafka 2.0)', () => {
  it.skipIf(confluentKafka.missing)(test('creates a topic without a replication factor (CreateTopics v4)'), async () => {
    await using kafka = await freshKafka('py-topics');
    try {
      expect(await scenario('topics', kafka.brokers, kafka.topic)).toEqual({ created: `${kafka.topic}-created`, partitions: [0, 1, 2] });
    } finally {
      await kafka.admin.deleteTopics({ topics: [`${kafka.topic}-created`] });
    }
  });

  it.skipIf(confluentKafka.missing)(test('produces keyed records with headers: one partition per key, order kept'), async () => {
    await using kafka = await freshKafka('py-keyed', { partitions: 3 });
    const { received } = await scenario('keyed', kafka.brokers, kafka.topic);
    for (const key of ['order-0', 'order-1', 'order-2']) {
      const ofKey = received.filter((m: { key: string }) => m.key === key);
      expect(new Set(ofKey.map((m: { partition: number }) => m.partition)).size).toBe(1);
      expect(ofKey.map((m: { value: string }) => m.value)).toEqual([0, 1, 2, 3, 4, 5].filter((i) => `order-${i % 3}` === key).map((i) => `${key}:${i}`));
    }
    expect(received.find((m: { value: string }) => m.value === 'order-1:4').headers).toEqual([['event-type', 'OrderPlaced'], ['seq', '4']]);
  });

  it.skipIf(confluentKafka.missing)(test(`compresses with gzip, snappy, lz4 and zstd, and reads them back ${embeddedOnlySuffix}`), async () => {
    await using broker = await startEmbeddedBroker();
    const { values } = await scenario('codecs', broker.brokers, 'py-codecs');
    expect(values).toEqual(expectedCodecs.map(([, value]) => value));
    expect(storedCodecs(broker, 'py-codecs')).toEqual(expectedCodecs);
  });

  it.skipIf(confluentKafka.missing)(test('splits two partitions between a group of two'), async () => {
    await using kafka = await freshKafka('py-group', { partitions: 2 });
    const seen = await scenario('group', kafka.brokers, kafka.topic, kafka.groupId('pair'));
    expect([...seen.assignments].sort()).toEqual([[0], [1]]);
    expect(seen.receivedPartitions).toEqual(seen.assignments);
    expect(seen.counts).toEqual([4, 4]);
  });

  it.skipIf(confluentKafka.missing)(test('resumes at the committed offset, and seeks back'), async () => {
    await using kafka = await freshKafka('py-commit-seek');
    expect(await scenario('commit-seek', kafka.brokers, kafka.topic, kafka.groupId('resume'))).toEqual({
      firstRead: ['r0', 'r1', 'r2'],
      committed: 3,
      resumed: ['r3', 'r4'],
      afterSeek: ['r1', 'r2', 'r3', 'r4'],
    });
  });
});
