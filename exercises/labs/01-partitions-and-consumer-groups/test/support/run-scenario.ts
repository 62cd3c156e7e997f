import type { Consumer } from 'kafkajs';
import type { TestKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { Watch } from '#graders/testkit/harness/watch.ts';
import { type CartKey, type Member, type Phase, partitionCount, phases, produced } from '../../src/scenario.ts';
import { quickConsumer } from './quick-consumer.ts';

export interface Reception {
  phase: Phase;
  member: Member;
  partition: number;
  key: CartKey;
  value: string;
}

/** What running scenario.ts showed. */
export interface Observation {
  /** Each phase's settled assignment: member to its partitions, ascending. */
  assignment: Record<Phase, Partial<Record<Member, number[]>>>;
  /** Every record handled, in the order each member handled it. */
  receptions: Reception[];
}

/** Who is in the group in each phase. */
const activeIn: Record<Phase, readonly Member[]> = {
  'two members': ['alpha', 'bravo'],
  'charlie joins': ['alpha', 'bravo', 'charlie'],
  'alpha leaves': ['bravo', 'charlie'],
};

/**
 * Runs scenario.ts on the test's topic: members named by their kafkajs client id (the
 * broker makes each member id from it), the course's keyed producer settings, and a
 * consumer that commits each record before the test counts it as handled, so no phase
 * sees a record of the phase before.
 */
export async function runScenario(kafka: TestKafka): Promise<Observation> {
  const watch = new Watch();
  const groupId = kafka.groupId('carts');
  let events = 0;
  const latest = new Map<Member, { partitions: number[]; event: number }>();
  const receptions: Reception[] = [];
  const assignment = {} as Observation['assignment'];
  const consumers = new Map<Member, Consumer>();
  let phase: Phase = 'two members';

  const start = async (member: Member) => {
    const consumer = kafka.newClient({ clientId: member }).consumer(quickConsumer(groupId));
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const partitions = [...(payload.memberAssignment[kafka.topic] ?? [])].sort((a, b) => a - b);
      latest.set(member, { partitions, event: ++events });
      watch.changed();
    });
    consumers.set(member, consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        await consumer.commitOffsets([{ topic: kafka.topic, partition, offset: String(Number(message.offset) + 1) }]);
        receptions.push({ phase, member, partition, key: message.key!.toString() as CartKey, value: message.value!.toString() });
        watch.changed();
      },
    });
  };

  const settle = async (since: number) => {
    const active = activeIn[phase];
    const settled = () => {
      const shares = active.map((m) => latest.get(m));
      if (shares.some((share) => share === undefined || share.event <= since)) return false;
      const owned = shares.flatMap((share) => share!.partitions).sort((a, b) => a - b);
      return owned.length === partitionCount && owned.every((p, i) => p === i);
    };
    await watch.until(settled, `the group to settle with ${active.join(', ')} (${phase})`, () => JSON.stringify(Object.fromEntries(latest)));
    assignment[phase] = Object.fromEntries(active.map((m) => [m, latest.get(m)!.partitions]));
  };

  const producer = kafka.client.producer();
  await producer.connect();
  try {
    for (const next of phases) {
      phase = next;
      const since = events;
      if (phase === 'two members') await Promise.all([start('alpha'), start('bravo')]);
      if (phase === 'charlie joins') await start('charlie');
      if (phase === 'alpha leaves') {
        await consumers.get('alpha')!.disconnect();
        consumers.delete('alpha');
      }
      await settle(since);
      const records = produced[phase];
      await producer.send({ topic: kafka.topic, messages: records.map(([key, value]) => ({ key, value })) });
      const handled = () => receptions.filter((r) => r.phase === phase).length >= records.length;
      await watch.until(handled, `the ${records.length} records of phase "${phase}" to be handled`, () => JSON.stringify(receptions));
    }
  } finally {
    await producer.disconnect();
    for (const consumer of consumers.values()) await consumer.disconnect();
  }
  return { assignment, receptions };
}
