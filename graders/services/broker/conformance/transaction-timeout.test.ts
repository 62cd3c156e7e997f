import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { readUntil, transactionalProducer } from './transactions.ts';

describe('a transaction left open past transaction.timeout.ms', () => {
  it('is aborted by the broker, which fences the producer that opened it', async () => {
    await using kafka = await freshKafka('txn-timeout');
    const stalled = await transactionalProducer(kafka, kafka.groupId('txn'), 1_000);
    const transaction = await stalled.transaction();
    await transaction.send({ topic: kafka.topic, messages: [{ value: 'stalled' }] });
    const plain = kafka.client.producer();
    await plain.connect();
    await plain.send({ topic: kafka.topic, messages: [{ value: 'after' }] });
    await plain.disconnect();

    // 'after' lies beyond the open transaction, so a read_committed consumer gets it only
    // once the broker has aborted that transaction on its own.
    expect(await readUntil(kafka, 'after')).toEqual(['after']);
    await expect(transaction.commit()).rejects.toMatchObject({ type: 'INVALID_PRODUCER_EPOCH' });
    await stalled.disconnect();
    expect(await readUntil(kafka, 'after', { readUncommitted: true })).toEqual(['stalled', 'after']);
  });
});
