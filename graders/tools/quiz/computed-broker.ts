import { startEmbeddedBroker } from '../../services/broker/start-embedded-broker.ts';
import { GroupAssignments, startIdleMembers } from '../../services/broker/conformance/group-assignments.ts';
import { quickConsumer } from '../../services/broker/conformance/consumer-settings.ts';
import { freshKafka } from '../../testkit/harness/kafka-topic.ts';

/**
 * Asks the course's broker: a topic with `partitions` partitions, a group of `members`
 * kafkajs consumers, and the partitions each one owns once the group has settled.
 */
export async function partitionShares(partitions: number, members: number): Promise<number[][]> {
  await using broker = await startEmbeddedBroker();
  await using kafka = await freshKafka('quiz-shares', { partitions, on: { brokers: broker.brokers } });
  const assignments = new GroupAssignments(kafka.topic);
  const names = Array.from({ length: members }, (_, i) => `member-${i + 1}`);
  const consumers = await startIdleMembers(kafka, assignments, names);
  try {
    // Settled: every member has joined, and their latest shares cover each partition exactly once.
    await assignments.until(() => {
      const shares = names.map((n) => assignments.latest.get(n)?.partitions);
      if (shares.some((s) => s === undefined)) return false;
      const all = shares.flatMap((s) => s!).sort((a, b) => a - b);
      return all.length === partitions && all.every((p, i) => p === i);
    }, `${members} members sharing ${partitions} partitions`);
    return names.map((n) => assignments.latest.get(n)!.partitions);
  } finally {
    await Promise.all(consumers.map((c) => c.disconnect()));
  }
}

/**
 * Two members of one group share a two-partition topic; six jobs with six keys are sent.
 * Counts the deliveries, across both members, by the time every job has been handled once.
 */
export async function competingConsumersHandled(): Promise<number> {
  await using broker = await startEmbeddedBroker();
  await using kafka = await freshKafka('quiz-queue', { partitions: 2, on: { brokers: broker.brokers } });
  const assignments = new GroupAssignments(kafka.topic);
  const names = ['worker-1', 'worker-2'];
  const consumers = names.map((name) => {
    const consumer = kafka.client.consumer(quickConsumer(kafka.groupId()));
    assignments.track(consumer, name);
    return consumer;
  });
  const handled: string[] = [];
  let allSeen: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allSeen = resolve));
  try {
    for (const consumer of consumers) {
      await consumer.connect();
      await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          handled.push(String(message.key));
          if (new Set(handled).size === 6) allSeen();
        },
      });
    }
    await assignments.until(() => assignments.splitsEvenly(names, 2), 'two workers with one partition each');
    const producer = kafka.client.producer();
    await producer.connect();
    await producer.send({ topic: kafka.topic, messages: Array.from({ length: 6 }, (_, i) => ({ key: `job-${i + 1}`, value: 'resize' })) });
    await producer.disconnect();
    await done;
    return handled.length;
  } finally {
    await Promise.all(consumers.map((c) => c.disconnect()));
  }
}
