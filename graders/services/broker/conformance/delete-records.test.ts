import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { quickConsumer } from './consumer-settings.ts';
import { MessageCollector } from './message-collector.ts';

describe('deleting records up to an offset', () => {
  it('moves the log start offset; a group committed below it restarts from the new start with fromBeginning', async () => {
    await using kafka = await freshKafka('delete-records');
    const producer = kafka.client.producer();
    await producer.connect();
    await producer.send({ topic: kafka.topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: `v${i}` })) });
    await producer.disconnect();
    const groupId = kafka.groupId('behind');
    await kafka.admin.setOffsets({ groupId, topic: kafka.topic, partitions: [{ partition: 0, offset: '2' }] });

    await kafka.admin.deleteTopicRecords({ topic: kafka.topic, partitions: [{ partition: 0, offset: '6' }] });
    expect(await kafka.admin.fetchTopicOffsets(kafka.topic)).toEqual([{ partition: 0, offset: '10', high: '10', low: '6' }]);

    // Its committed offset 2 is gone: the fetch gets OFFSET_OUT_OF_RANGE and the consumer resets
    // to the earliest offset there is, 6, because it subscribed fromBeginning.
    const collector = new MessageCollector();
    const consumer = kafka.client.consumer(quickConsumer(groupId));
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
      await collector.run(consumer, 'behind');
      console.log('T0', Date.now());
      await collector.until((r) => r.length >= 4, 'the records after the new log start');
      console.log('T1', Date.now());
    } finally {
      await consumer.disconnect();
    }
    expect(collector.received.map((m) => [m.offset, m.value])).toEqual([[6, 'v6'], [7, 'v7'], [8, 'v8'], [9, 'v9']]);
  });

  it('refuses an offset past the high watermark and deletes everything with -1', async () => {
    await using kafka = await freshKafka('delete-records-range');
    const producer = kafka.client.producer();
    await producer.connect();
    await producer.send({ topic: kafka.topic, messages: [{ value: 'a' }, { value: 'b' }] });
    await producer.disconnect();
    const beyond = kafka.admin.deleteTopicRecords({ topic: kafka.topic, partitions: [{ partition: 0, offset: '5' }] });
    await expect(beyond).rejects.toMatchObject({ name: 'KafkaJSDeleteTopicRecordsError' });
    await kafka.admin.deleteTopicRecords({ topic: kafka.topic, partitions: [{ partition: 0, offset: '-1' }] });
    expect(await kafka.admin.fetchTopicOffsets(kafka.topic)).toEqual([{ partition: 0, offset: '2', high: '2', low: '2' }]);
  });
});
