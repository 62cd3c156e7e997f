import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { quickConsumer } from './consumer-settings.ts';
import { MessageCollector } from './message-collector.ts';

describe('a restarted consumer', () => {
  it('resumes from its committed offset and sees nothing twice', async () => {
    await using kafka = await freshKafka('resume');
    const producer = kafka.client.producer();
    await producer.connect();
    const send = (from: number) =>
      producer.send({ topic: kafka.topic, messages: Array.from({ length: 5 }, (_, i) => ({ value: `m${from + i}` })) });
    await send(0);

    const before = new MessageCollector();
    const first = kafka.client.consumer(quickConsumer(kafka.groupId()));
    await first.connect();
    await first.subscribe({ topic: kafka.topic, fromBeginning: true });
    await before.run(first, 'first');
    await before.until((r) => r.length === 5, 'the first five messages');
    // Disconnecting commits the offsets resolved so far, as a clean shutdown does.
    await first.disconnect();
    const committed = await kafka.admin.fetchOffsets({ groupId: kafka.groupId(), topics: [kafka.topic] });
    expect(committed[0]!.partitions).toMatchObject([{ partition: 0, offset: '5' }]);

    await send(5);
    const after = new MessageCollector();
    const restarted = kafka.client.consumer(quickConsumer(kafka.groupId()));
    await restarted.connect();
    await restarted.subscribe({ topic: kafka.topic, fromBeginning: true });
    await after.run(restarted, 'restarted');
    await after.until((r) => r.some((m) => m.value === 'm9'), 'the last message');
    await restarted.disconnect();
    await producer.disconnect();

    expect(after.values()).toEqual(['m5', 'm6', 'm7', 'm8', 'm9']);
    expect(after.received.map((m) => m.offset)).toEqual([5, 6, 7, 8, 9]);
  });
});
