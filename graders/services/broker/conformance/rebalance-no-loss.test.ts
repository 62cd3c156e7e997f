import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { quickConsumer } from './consumer-settings.ts';
import { GroupAssignments } from './group-assignments.ts';
import { MessageCollector } from './message-collector.ts';

describe('a consumer group rebalance', () => {
  it('is triggered by a joining and by a leaving member, and loses no message', async () => {
    await using kafka = await freshKafka('rebalance', { partitions: 4 });
    const producer = kafka.client.producer();
    await producer.connect();
    const collector = new MessageCollector();
    const assignments = new GroupAssignments(kafka.topic);
    const sent: string[] = [];
    const sendBatch = async (label: string) => {
      const values = Array.from({ length: 40 }, (_, i) => `${label}-${i}`);
      sent.push(...values);
      await producer.send({ topic: kafka.topic, messages: values.map((value) => ({ key: value, value })) });
    };
    const start = async (name: string) => {
      const consumer = kafka.client.consumer(quickConsumer(kafka.groupId()));
      assignments.track(consumer, name);
      await consumer.connect();
      await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
      await collector.run(consumer, name);
      return consumer;
    };
    const first = await start('first');
    await assignments.until((l) => l.get('first')?.partitions.length === 4, 'the first member to own all partitions');
    await sendBatch('before-join');

    const second = await start('second');
    await assignments.until(() => assignments.splitsEvenly(['first', 'second'], 4), 'a rebalance after the join');
    await sendBatch('after-join');

    await first.disconnect();
    await assignments.until((l) => l.get('second')?.partitions.length === 4, 'a rebalance after the leave');
    await sendBatch('after-leave');

    await collector.until((r) => sent.every((v) => r.some((m) => m.value === v)), 'every message sent');
    await second.disconnect();
    await producer.disconnect();

    expect(assignments.joins.get('first')).toBeGreaterThanOrEqual(2);
    expect(assignments.joins.get('second')).toBeGreaterThanOrEqual(2);
    expect(new Set(collector.values())).toEqual(new Set(sent));
  });
});
