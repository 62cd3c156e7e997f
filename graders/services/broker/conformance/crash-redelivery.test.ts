import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { quickConsumer } from './consumer-settings.ts';
import { GroupAssignments } from './group-assignments.ts';
import { lossyNetwork } from './lossy-network.ts';
import { MessageCollector } from './message-collector.ts';

describe('a consumer that crashes without committing', () => {
  it('has its messages redelivered to another member once its session expires', async () => {
    await using kafka = await freshKafka('crash-redelivery', { partitions: 2 });
    const assignments = new GroupAssignments(kafka.topic);
    const collector = new MessageCollector();
    const network = lossyNetwork();
    let releaseCrashed!: () => void;
    const crashedForever = new Promise<void>((resolve) => (releaseCrashed = resolve));

    // The crashing member: short session, no commits, and on its first message the process
    // "dies": its network goes and its handler never returns.
    const crashing = kafka
      .newClient({ socketFactory: network.socketFactory, retry: { retries: 0 } })
      .consumer(quickConsumer(kafka.groupId(), { sessionTimeout: 1_500, retry: { retries: 0 } }));
    const survivor = kafka.client.consumer(quickConsumer(kafka.groupId()));
    assignments.track(crashing, 'crashing');
    assignments.track(survivor, 'survivor');
    try {
      await crashing.connect();
      await crashing.subscribe({ topic: kafka.topic, fromBeginning: true });
      await crashing.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          collector.add({ consumer: 'crashing', partition, offset: Number(message.offset), key: null, value: message.value!.toString(), headers: {}, timestamp: message.timestamp });
          network.sever();
          await crashedForever;
        },
      });
      await survivor.connect();
      await survivor.subscribe({ topic: kafka.topic, fromBeginning: true });
      await collector.run(survivor, 'survivor');
      await assignments.until(() => assignments.splitsEvenly(['crashing', 'survivor'], 2), 'one partition each');

      const crashingPartition = assignments.latest.get('crashing')!.partitions[0]!;
      const producer = kafka.client.producer();
      await producer.connect();
      const values = Array.from({ length: 10 }, (_, i) => `m${i}`);
      await producer.send({ topic: kafka.topic, messages: values.map((value, i) => ({ value, partition: i % 2 })) });
      await producer.disconnect();

      await collector.until((r) => r.some((m) => m.consumer === 'crashing'), 'the crashing member to take a message');
      await collector.until((r) => values.every((v) => r.some((m) => m.consumer === 'survivor' && m.value === v)), 'the survivor to receive every message');
      const seenByCrashed = collector.values('crashing');
      expect(seenByCrashed).toHaveLength(1);
      expect(collector.received.find((m) => m.consumer === 'crashing')!.partition).toBe(crashingPartition);
      expect(collector.values('survivor')).toEqual(expect.arrayContaining(seenByCrashed));
      expect(assignments.latest.get('survivor')!.partitions).toEqual([0, 1]);
    } finally {
      releaseCrashed();
      await survivor.disconnect();
      await crashing.disconnect().catch(() => {});
    }
  });
});
