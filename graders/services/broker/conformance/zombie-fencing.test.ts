import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { readUntil, transactionalProducer } from './transactions.ts';

/** Kafka answers an old epoch with INVALID_PRODUCER_EPOCH at the request versions kafkajs uses (below 2). */
const fenced = { type: 'INVALID_PRODUCER_EPOCH' };

describe('a zombie transactional producer', () => {
  it('is fenced once a new producer initialises the same transactional id, and its open transaction is aborted', async () => {
    await using kafka = await freshKafka('zombie');
    const transactionalId = kafka.groupId('txn');
    const zombie = await transactionalProducer(kafka, transactionalId);
    const zombieTransaction = await zombie.transaction();
    await zombieTransaction.send({ topic: kafka.topic, messages: [{ value: 'from-zombie' }] });

    const successor = await transactionalProducer(kafka, transactionalId);
    const transaction = await successor.transaction();
    await transaction.send({ topic: kafka.topic, messages: [{ value: 'from-successor' }] });
    await transaction.commit();

    await expect(zombieTransaction.send({ topic: kafka.topic, messages: [{ value: 'late' }] })).rejects.toMatchObject(fenced);
    await expect(zombieTransaction.commit()).rejects.toMatchObject(fenced);
    await zombie.disconnect();
    await successor.disconnect();

    expect(await readUntil(kafka, 'from-successor')).toEqual(['from-successor']);
    expect(await readUntil(kafka, 'from-successor', { readUncommitted: true })).toEqual(['from-zombie', 'from-successor']);
  });
});
