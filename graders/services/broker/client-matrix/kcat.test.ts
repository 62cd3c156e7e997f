/*
 * kcat 1.7 (librdkafka 2.0, Debian's package) in the client matrix. kcat has no admin
 * commands: its topic is the one Metadata auto-creates. It cannot abort a transaction either
 * (with a transactional.id it commits all of its input at the end), so the aborted records
 * come from kafkajs and kcat shows what read_committed hides.
 */
import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { transactionalProducer } from '../conformance/transactions.ts';
import { embeddedOnlySuffix } from '../embedded-only.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';
import { kcat } from './installed.ts';
import { KcatMember } from './kcat-member.ts';
import { runClient } from './run-process.ts';
import { codecs, expectedCodecs, padded, storedCodecs } from './stored-batches.ts';

const test = (name: string) => `${name}${kcat.skipReason}`;

/** Every record of `topic` from the beginning, as kcat's JSON envelope, then exit. */
async function consumeAll(brokers: string[], topic: string, ...extra: string[]) {
  const out = await runClient('kcat', ['-b', brokers.join(','), '-C', '-t', topic, '-o', 'beginning', '-e', '-J', ...extra]);
  return out
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { partition: number; offset: number; key: string | null; payload: string | null; headers?: string[] });
}

const produce = (brokers: string[], topic: string, input: string, ...extra: string[]) =>
  runClient('kcat', ['-b', brokers.join(','), '-P', '-t', topic, ...extra], input);

describe('kcat 1.7 (librdkafka 2.0)', () => {
  it.skipIf(kcat.missing)(test('gets a topic auto-created through Metadata and lists it'), async () => {
    await using kafka = await freshKafka('kcat-topics');
    const created = `${kafka.topic}-auto`;
    try {
      // The first metadata request may come back before the topic is ready on real Kafka.
      await produce(kafka.brokers, created, 'first\n');
      const listing = JSON.parse(await runClient('kcat', ['-b', kafka.brokers.join(','), '-L', '-t', created, '-J']));
      expect(listing.topics).toMatchObject([{ topic: created, partitions: [{ partition: 0 }] }]);
    } finally {
      await kafka.admin.deleteTopics({ topics: [created] });
    }
  });

  it.skipIf(kcat.missing)(test('produces keyed records with headers: one partition per key, order kept'), async () => {
    await using kafka = await freshKafka('kcat-keyed', { partitions: 3 });
    const lines = [0, 1, 2, 3, 4, 5].map((i) => `order-${i % 3}:order-${i % 3}/${i}`);
    await produce(kafka.brokers, kafka.topic, `${lines.join('\n')}\n`, '-K:', '-H', 'event-type=OrderPlaced', '-H', 'source=kcat');
    const received = await consumeAll(kafka.brokers, kafka.topic);
    expect(received).toHaveLength(6);
    for (const key of ['order-0', 'order-1', 'order-2']) {
      const ofKey = received.filter((m) => m.key === key);
      expect(new Set(ofKey.map((m) => m.partition)).size).toBe(1);
      expect(ofKey.sort((a, b) => a.offset - b.offset).map((m) => m.payload)).toEqual(lines.filter((l) => l.startsWith(key)).map((l) => l.split(':')[1]));
    }
    expect(received[0]!.headers).toEqual(['event-type', 'OrderPlaced', 'source', 'kcat']);
  });

  it.skipIf(kcat.missing)(test(`compresses with gzip, snappy, lz4 and zstd, and reads them back ${embeddedOnlySuffix}`), async () => {
    await using broker = await startEmbeddedBroker();
    for (const codec of codecs) {
      await produce(broker.brokers, 'kcat-codecs', `${padded(`${codec}-1`)}\n${padded(`${codec}-2`)}\n`, '-p', '0', '-X', `compression.codec=${codec}`);
    }
    expect(storedCodecs(broker, 'kcat-codecs')).toEqual(expectedCodecs);
    const values = (await consumeAll(broker.brokers, 'kcat-codecs')).map((m) => m.payload!.split(':')[0]);
    expect(values).toEqual(expectedCodecs.map(([, value]) => value));
  });

  it.skipIf(kcat.missing)(test('splits two partitions between a group of two, each reading its own'), async () => {
    await using kafka = await freshKafka('kcat-group', { partitions: 2 });
    const group = kafka.groupId('pair');
    const members = [0, 1].map(() => new KcatMember(kafka.brokers.join(','), group, kafka.topic, 4));
    try {
      await KcatMember.until(members, () => members.every((m) => m.assigned.length === 1), 'one partition for each kcat');
      const assignments = members.map((m) => m.assigned);
      const producer = kafka.client.producer();
      await producer.connect();
      await producer.send({ topic: kafka.topic, messages: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ value: `g${i}`, partition: i % 2 })) });
      await producer.disconnect();
      const [first, second] = await Promise.all(members.map((m) => m.finished()));
      const partitionsOf = (lines: string[]) => [...new Set(lines.map((line) => Number(line.split(':')[0])))];
      expect([partitionsOf(first!), partitionsOf(second!)]).toEqual(assignments);
      expect(assignments.flat().sort()).toEqual([0, 1]);
      expect([first!.length, second!.length]).toEqual([4, 4]);
    } finally {
      for (const member of members) member.kill();
    }
  });

  it.skipIf(kcat.missing)(test('commits what a group member read, resumes there, and starts at any offset'), async () => {
    await using kafka = await freshKafka('kcat-commit-seek');
    await produce(kafka.brokers, kafka.topic, 'r0\nr1\nr2\nr3\nr4\n', '-p', '0');
    const group = kafka.groupId('resume');
    const read = (count: number) =>
      runClient('kcat', ['-b', kafka.brokers.join(','), '-G', group, '-c', String(count), '-f', '%s\\n', '-X', 'auto.offset.reset=earliest', kafka.topic], undefined, 30_000);
    expect((await read(3)).trim().split('\n')).toEqual(['r0', 'r1', 'r2']);
    // kcat commits on close; the next member of the group starts where it stopped.
    expect(await kafka.admin.fetchOffsets({ groupId: group, topics: [kafka.topic] })).toMatchObject([{ partitions: [{ partition: 0, offset: '3' }] }]);
    expect((await read(2)).trim().split('\n')).toEqual(['r3', 'r4']);
    const fromOne = await consumeAll(kafka.brokers, kafka.topic, '-p', '0', '-o', '1');
    expect(fromOne.map((m) => m.payload)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it.skipIf(kcat.missing)(test('commits a transaction; read_committed hides what another producer aborted'), async () => {
    await using kafka = await freshKafka('kcat-txn');
    const aborting = await transactionalProducer(kafka, kafka.groupId('kafkajs-txn'));
    const open = await aborting.transaction();
    await open.send({ topic: kafka.topic, messages: [{ value: 'aborted' }] });
    await open.abort();
    await aborting.disconnect();
    await produce(kafka.brokers, kafka.topic, 'c1\nc2\n', '-X', `transactional.id=${kafka.groupId('kcat-txn')}`);
    const committed = await consumeAll(kafka.brokers, kafka.topic, '-X', 'isolation.level=read_committed');
    const uncommitted = await consumeAll(kafka.brokers, kafka.topic, '-X', 'isolation.level=read_uncommitted');
    expect(committed.map((m) => m.payload)).toEqual(['c1', 'c2']);
    expect(uncommitted.map((m) => m.payload)).toEqual(['aborted', 'c1', 'c2']);
  });
});
