import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { readUntil, transactionalProducer } from './transactions.ts';

describe('a transactional producer', () => {
  it('makes its records visible to read_committed consumers when it commits', async () => {
    await using kafka = await freshKafka('txn-commit', { partitions: 2 });
    const producer = await transactionalProducer(kafka, kafka.groupId('txn'));
    const transaction = await producer.transaction();
    await transaction.send({ topic: kafka.topic, messages: [{ key: 'a', value: 'c1', partition: 0 }, { key: 'b', value: 'c2', partition: 1 }] });
    await transaction.send({ topic: kafka.topic, messages: [{ key: 'a', value: 'c3', partition: 0 }] });
    await transaction.commit();
    await producer.disconnect();

    const seen = await readUntil(kafka, 3);
    expect(seen.sort()).toEqual(['c1', 'c2', 'c3']);
  });

  it('hides an aborted transaction from read_committed consumers, not from read_uncommitted ones', async () => {
    await using kafka = await freshKafka('txn-abort');
    const producer = await transactionalProducer(kafka, kafka.groupId('txn'));
    const aborted = await producer.transaction();
    await aborted.send({ topic: kafka.topic, messages: [{ value: 'a1' }, { value: 'a2' }] });
    await aborted.abort();
    const committed = await producer.transaction();
    await committed.send({ topic: kafka.topic, messages: [{ value: 'c1' }] });
    await committed.commit();
    await producer.disconnect();

    expect(await readUntil(kafka, 'c1')).toEqual(['c1']);
    expect(await readUntil(kafka, 'c1', { readUncommitted: true })).toEqual(['a1', 'a2', 'c1']);
  });

  it('holds a plain record written after an open transaction back from read_committed consumers until that transaction ends', async () => {
    await using kafka = await freshKafka('txn-open');
    const producer = await transactionalProducer(kafka, kafka.groupId('txn'));
    const plain = kafka.client.producer();
    await plain.connect();
    const open = await producer.transaction();
    await open.send({ topic: kafka.topic, messages: [{ value: 'in-transaction' }] });
    await plain.send({ topic: kafka.topic, messages: [{ value: 'after-it' }] });

    // read_uncommitted sees both while the transaction is open. read_committed stops at the
    // last stable offset (the transaction's first record), so it can reach the plain record
    // only once the transaction has committed, and then gets both, in log order. (The broker's
    // own tests check that a read_committed fetch of an open transaction returns nothing.)
    expect(await readUntil(kafka, 'after-it', { readUncommitted: true })).toEqual(['in-transaction', 'after-it']);
    const committedReader = readUntil(kafka, 'after-it');
    await open.commit();
    expect(await committedReader).toEqual(['in-transaction', 'after-it']);
    await plain.disconnect();
    await producer.disconnect();
  });
});
