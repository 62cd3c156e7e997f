/*
 * @platformatic/kafka (npm, pure JavaScript, with its own codecs) in the client matrix.
 */
import {
  Admin,
  Consumer,
  type ConsumerOptions,
  FetchIsolationLevels,
  type Message,
  type MessagesStream,
  Producer,
  stringDeserializers,
  stringSerializers,
} from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { embeddedOnlySuffix } from '../embedded-only.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';
import { codecs, expectedCodecs, storedCodecs } from './stored-batches.ts';
import { until } from './until.ts';

type Received = Message<string, string, string, string>;
type Stream = MessagesStream<string, string, string, string>;

const producer = (bootstrapBrokers: string[], extra: Partial<ConstructorParameters<typeof Producer<string, string, string, string>>[0]> = {}) =>
  new Producer({ clientId: 'matrix-producer', bootstrapBrokers, serializers: stringSerializers, ...extra });

const consumer = (bootstrapBrokers: string[], groupId: string, extra: Partial<ConsumerOptions<string, string, string, string>> = {}) =>
  new Consumer({
    clientId: 'matrix-consumer',
    groupId,
    bootstrapBrokers,
    deserializers: stringDeserializers,
    sessionTimeout: 6_000,
    heartbeatInterval: 200,
    rebalanceTimeout: 10_000,
    maxWaitTime: 100,
    ...extra,
  });

/** The first `count` messages of a stream, which is closed after. */
async function take(stream: Stream, count: number): Promise<Received[]> {
  const got: Received[] = [];
  for await (const message of stream) {
    got.push(message);
    if (got.length === count) break;
  }
  await stream.close();
  return got;
}

async function readFromStart(bootstrapBrokers: string[], topic: string, groupId: string, count: number, extra: Partial<ConsumerOptions<string, string, string, string>> = {}) {
  const reader = consumer(bootstrapBrokers, groupId, extra);
  try {
    return await take(await reader.consume({ topics: [topic], mode: 'earliest', autocommit: false }), count);
  } finally {
    await reader.close();
  }
}

describe('@platformatic/kafka', () => {
  it('creates a topic', async () => {
    await using kafka = await freshKafka('platformatic-topics');
    const admin = new Admin({ clientId: 'matrix-admin', bootstrapBrokers: kafka.brokers });
    const name = `${kafka.topic}-created`;
    try {
      await admin.createTopics({ topics: [name], partitions: 3, replicas: 1 });
      expect((await admin.metadata({ topics: [name] })).topics.get(name)?.partitionsCount).toBe(3);
      await admin.deleteTopics({ topics: [name] });
    } finally {
      await admin.close();
    }
  });

  it('produces keyed records with headers: one partition per key, order kept', async () => {
    await using kafka = await freshKafka('platformatic-keyed', { partitions: 3 });
    const writer = producer(kafka.brokers);
    const sent = [0, 1, 2, 3, 4, 5].map((i) => ({ topic: kafka.topic, key: `order-${i % 3}`, value: `order-${i % 3}/${i}`, headers: { 'event-type': 'OrderPlaced' } }));
    await writer.send({ messages: sent });
    await writer.close();
    const received = await readFromStart(kafka.brokers, kafka.topic, kafka.groupId('keyed'), 6);
    for (const key of ['order-0', 'order-1', 'order-2']) {
      const ofKey = received.filter((m) => m.key === key);
      expect(new Set(ofKey.map((m) => m.partition)).size).toBe(1);
      expect(ofKey.map((m) => m.value)).toEqual(sent.filter((m) => m.key === key).map((m) => m.value));
    }
    expect(received.map((m) => Object.fromEntries(m.headers))).toEqual(received.map(() => ({ 'event-type': 'OrderPlaced' })));
  });

  it(`compresses with gzip, snappy, lz4 and zstd, and reads them back ${embeddedOnlySuffix}`, async () => {
    await using broker = await startEmbeddedBroker();
    broker.state.topics.create('platformatic-codecs', 1);
    const writer = producer(broker.brokers);
    for (const compression of codecs) {
      await writer.send({ compression, messages: [1, 2].map((n) => ({ topic: 'platformatic-codecs', partition: 0, value: `${compression}-${n}` })) });
    }
    await writer.close();
    expect(storedCodecs(broker, 'platformatic-codecs')).toEqual(expectedCodecs);
    const received = await readFromStart(broker.brokers, 'platformatic-codecs', 'codecs', 8);
    expect(received.map((m) => m.value)).toEqual(expectedCodecs.map(([, value]) => value));
  });

  it('splits two partitions between a group of two, each reading its own', async () => {
    await using kafka = await freshKafka('platformatic-group', { partitions: 2 });
    const group = kafka.groupId('pair');
    const members = [0, 1].map(() => ({ consumer: consumer(kafka.brokers, group), assigned: [] as number[], received: [] as number[], joins: [] as number[][] }));
    const changed = new Set<() => void>();
    const subscribe = (check: () => void) => (changed.add(check), () => changed.delete(check));
    const notify = () => changed.forEach((check) => check());
    try {
      for (const member of members) {
        member.consumer.on('consumer:group:join', ({ assignments }) => {
          member.assigned = (assignments ?? []).flatMap((a) => a.partitions);
          member.joins.push(member.assigned);
          notify();
        });
        const stream = await member.consumer.consume({ topics: [kafka.topic], mode: 'earliest', autocommit: false });
        stream.on('data', (message: Received) => {
          member.received.push(message.partition);
          notify();
        });
      }
      const settled = () => members.every((m) => m.assigned.length === 1);
      await until(settled, subscribe, 'one partition for each member', { explain: () => JSON.stringify(members.map((m) => m.assigned)) });
      const assignments = members.map((m) => m.assigned);
      const writer = producer(kafka.brokers);
      await writer.send({ messages: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ topic: kafka.topic, partition: i % 2, value: `g${i}` })) });
      await writer.close();
      // A fetch the client sent before the rebalance may still bring records of the partition
      // it gave up (the client does not drop them); each member must get all of its own.
      const ownRecords = (m: (typeof members)[number], i: number) => m.received.filter((p) => assignments[i]!.includes(p)).length;
      await until(() => members.every((m, i) => ownRecords(m, i) === 4), subscribe, 'four records of its own partition for each member', {
        explain: () => JSON.stringify(members.map((m) => ({ assigned: m.assigned, received: m.received, joins: m.joins }))),
      });
      expect(assignments.flat().sort()).toEqual([0, 1]);
    } finally {
      await Promise.all(members.map((m) => m.consumer.close(true)));
    }
  });

  it('resumes at the committed offset, and seeks to any offset', async () => {
    await using kafka = await freshKafka('platformatic-commit-seek');
    const writer = producer(kafka.brokers);
    await writer.send({ messages: [0, 1, 2, 3, 4].map((i) => ({ topic: kafka.topic, partition: 0, value: `r${i}` })) });
    await writer.close();
    const group = kafka.groupId('resume');

    const first = consumer(kafka.brokers, group);
    const read = await take(await first.consume({ topics: [kafka.topic], mode: 'earliest', autocommit: false }), 3);
    await read[2]!.commit();
    await first.close();
    expect(read.map((m) => m.value)).toEqual(['r0', 'r1', 'r2']);
    expect(await kafka.admin.fetchOffsets({ groupId: group, topics: [kafka.topic] })).toMatchObject([{ partitions: [{ partition: 0, offset: '3' }] }]);

    const second = consumer(kafka.brokers, group);
    const resumed = await take(await second.consume({ topics: [kafka.topic], mode: 'committed', autocommit: false }), 2);
    await second.close();
    expect(resumed.map((m) => m.value)).toEqual(['r3', 'r4']);

    const seeker = consumer(kafka.brokers, kafka.groupId('seek'));
    const offsets = [{ topic: kafka.topic, partition: 0, offset: 1n }];
    const fromOne = await take(await seeker.consume({ topics: [kafka.topic], mode: 'manual', offsets, autocommit: false }), 4);
    await seeker.close();
    expect(fromOne.map((m) => m.value)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('commits and aborts transactions; read_committed sees the committed ones only', async () => {
    await using kafka = await freshKafka('platformatic-txn');
    const writer = producer(kafka.brokers, { transactionalId: kafka.groupId('txn'), idempotent: true });
    for (const [value, commit] of [['c1', true], ['a1', false], ['c2', true]] as const) {
      const transaction = await writer.beginTransaction();
      await transaction.send({ messages: [{ topic: kafka.topic, value }] });
      await (commit ? transaction.commit() : transaction.abort());
    }
    await writer.close();
    const committed = await readFromStart(kafka.brokers, kafka.topic, kafka.groupId('committed'), 2, { isolationLevel: FetchIsolationLevels.READ_COMMITTED });
    const uncommitted = await readFromStart(kafka.brokers, kafka.topic, kafka.groupId('uncommitted'), 3, { isolationLevel: FetchIsolationLevels.READ_UNCOMMITTED });
    expect(committed.map((m) => m.value)).toEqual(['c1', 'c2']);
    expect(uncommitted.map((m) => m.value)).toEqual(['c1', 'a1', 'c2']);
  });
});
