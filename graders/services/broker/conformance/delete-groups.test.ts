import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { quickConsumer } from './consumer-settings.ts';
import { MessageCollector } from './message-collector.ts';

describe('deleting a consumer group', () => {
  it('is refused while the group has members, and removes an empty group with its offsets', async () => {
    await using kafka = await freshKafka('delete-groups');
    const groupId = kafka.groupId();
    const producer = kafka.client.producer();
    await producer.connect();
    await producer.send({ topic: kafka.topic, messages: [{ value: 'one' }] });
    await producer.disconnect();
    const collector = new MessageCollector();
    const consumer = kafka.client.consumer(quickConsumer(groupId));
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
      await collector.run(consumer, 'member');
      await collector.until((r) => r.length === 1, 'the one record');
      await expect(kafka.admin.deleteGroups([groupId])).rejects.toMatchObject({ groups: [{ groupId, errorCode: 68 }] }); // NON_EMPTY_GROUP
    } finally {
      await consumer.disconnect();
    }
    // Empty now, the group still says what kind of group it was.
    const { groups } = await kafka.admin.describeGroups([groupId]);
    expect(groups[0]).toMatchObject({ groupId, state: 'Empty', protocolType: 'consumer', members: [] });
    await kafka.admin.fetchOffsets({ groupId, topics: [kafka.topic] });
    expect(await kafka.admin.deleteGroups([groupId])).toEqual([expect.objectContaining({ groupId, errorCode: 0 })]);
    const [offsets] = await kafka.admin.fetchOffsets({ groupId, topics: [kafka.topic] });
    expect(offsets!.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '-1' })]);
    await expect(kafka.admin.deleteGroups([groupId])).rejects.toMatchObject({ groups: [{ groupId, errorCode: 69 }] }); // GROUP_ID_NOT_FOUND
  });
});
