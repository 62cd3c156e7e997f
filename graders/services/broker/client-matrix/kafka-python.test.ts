/*
 * kafka-python 2.0 (Debian's python3-kafka) in the client matrix. It is the client that probes
 * the broker's version with old requests, Metadata v0 among them: against a broker offering
 * Metadata from v1 only it fails with "Failed to update metadata after 60.0 secs".
 */
import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { embeddedOnlySuffix } from '../embedded-only.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';
import { kafkaPython, python } from './installed.ts';
import { runClient } from './run-process.ts';
import { storedCodecs } from './stored-batches.ts';

const script = new URL('./kafka_python_matrix.py', import.meta.url).pathname;
const scenario = async (name: string, brokers: string[], topic: string, group: string) =>
  JSON.parse(await runClient(python, [script, name, brokers.join(','), topic, group]));
const test = (name: string) => `${name}${kafkaPython.skipReason}`;

describe('kafka-python 2.0 (python3-kafka)', () => {
  it.skipIf(kafkaPython.missing)(test('bootstraps, creates a topic, produces keyed records with headers and commits what it read'), async () => {
    await using kafka = await freshKafka('kafka-python');
    try {
      const { received, committed } = await scenario('keyed', kafka.brokers, kafka.topic, kafka.groupId('keyed'));
      expect(received).toHaveLength(6);
      for (const key of ['order-0', 'order-1', 'order-2']) {
        const ofKey = received.filter((m: { key: string }) => m.key === key);
        expect(new Set(ofKey.map((m: { partition: number }) => m.partition)).size).toBe(1);
        expect(ofKey.map((m: { value: string }) => m.value)).toEqual([0, 1, 2, 3, 4, 5].filter((i) => i % 3 === Number(key.at(-1))).map((i) => `${key}/${i}`));
      }
      expect(received[0].headers).toEqual([['event-type', 'OrderPlaced']]);
      const perPartition = Object.groupBy(received as { partition: number }[], (m) => String(m.partition));
      expect(committed).toEqual(Object.fromEntries(Object.entries(perPartition).map(([p, ms]) => [p, ms!.length])));
    } finally {
      await kafka.admin.deleteTopics({ topics: [`${kafka.topic}-created`] });
    }
  });

  it.skipIf(kafkaPython.missing)(test(`sends gzip compressed and reads it back ${embeddedOnlySuffix}`), async () => {
    await using broker = await startEmbeddedBroker();
    broker.state.topics.create('kafka-python-gzip', 1);
    expect(await scenario('gzip', broker.brokers, 'kafka-python-gzip', 'gzip')).toEqual({ values: ['gzip-1', 'gzip-2'] });
    expect(storedCodecs(broker, 'kafka-python-gzip')).toEqual([['gzip', 'gzip-1'], ['gzip', 'gzip-2']]);
  });
});
