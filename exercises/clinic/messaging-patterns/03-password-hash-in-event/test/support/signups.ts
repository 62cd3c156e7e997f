// Brings in the typing of inject('services') that kafka-topic.ts reads.
import type {} from '#graders/testkit/vitest/provided-services.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import { Conditions } from '#graders/testkit/harness/conditions.ts';
import { freshKafka, type TestKafka } from '#graders/testkit/harness/kafka-topic.ts';
import type { Producer } from 'kafkajs';
import { createSignupPublisher } from '../../src/publisher.ts';
import type { SignupPublisher } from '../../src/publisher-api.ts';

/** One record as it sits on the topic, every part of it as text. */
export interface PublishedRecord {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * The accounts service's publisher on its own UserSignedUp topic on the course's broker, and
 * a way to read back every record the topic holds, whoever wrote it.
 */
export interface Signups extends AsyncDisposable {
  kafka: TestKafka;
  publisher: SignupPublisher;
  /** Every record on the topic, from its first offset to its last, read by a new consumer group. */
  records(): Promise<PublishedRecord[]>;
}

export async function signups(label: string): Promise<Signups> {
  const kafka = await freshKafka(label);
  const producer: Producer = kafka.client.producer();
  await producer.connect();
  const publisher = createSignupPublisher({ producer, topic: kafka.topic, clock: new VirtualClock() });
  let reads = 0;
  return {
    kafka,
    publisher,
    async records() {
      const [end] = await kafka.admin.fetchTopicOffsets(kafka.topic);
      const expected = Number(end!.high) - Number(end!.low);
      const found: PublishedRecord[] = [];
      if (expected === 0) return found;
      const conditions = new Conditions();
      const consumer = kafka.client.consumer({ groupId: kafka.groupId(`read-${++reads}`), maxWaitTimeInMs: 100 });
      await consumer.connect();
      try {
        await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ message }) => {
            const headers = Object.fromEntries(
              Object.entries(message.headers ?? {}).map(([name, value]) => [name, [value ?? ''].flat().map(String).join(',')]),
            );
            found.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers });
            conditions.changed();
          },
        });
        await conditions.until(() => found.length >= expected, `all ${expected} records on the topic`, () => `read ${found.length}`);
      } finally {
        await consumer.disconnect();
      }
      return found;
    },
    async [Symbol.asyncDispose]() {
      try {
        await producer.disconnect();
      } finally {
        await kafka[Symbol.asyncDispose]();
      }
    },
  };
}
