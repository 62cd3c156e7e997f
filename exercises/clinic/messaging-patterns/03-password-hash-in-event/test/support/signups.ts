// Brings in the typing of inject('services') that kafka-topic.ts reads.
import type {} from '#graders/testkit/vitest/provided-services.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import { Conditions } from '#graders/testkit/harness/conditions.ts';
import { freshKafka, type TestKafka } from '#graders/testkit/harness/kafka-topic.ts';
import type { Consumer, Producer } from 'kafkajs';
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
  /** Every record on the topic so far, from its first offset to its last, whoever wrote it. */
  records(): Promise<PublishedRecord[]>;
}

export async function signups(label: string): Promise<Signups> {
  const kafka = await freshKafka(label);
  const producer: Producer = kafka.client.producer();
  await producer.connect();
  const publisher = createSignupPublisher({ producer, topic: kafka.topic, clock: new VirtualClock() });
  // One reader for the world, in a group of its own from the topic's first offset: every
  // records() call waits until it has read as many records as the topic holds.
  const found: PublishedRecord[] = [];
  const conditions = new Conditions();
  let reader: Consumer | undefined;
  async function startReader(): Promise<Consumer> {
    const consumer = kafka.client.consumer({ groupId: kafka.groupId('reader'), maxWaitTimeInMs: 100 });
    await consumer.connect();
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
    return consumer;
  }
  return {
    kafka,
    publisher,
    async records() {
      const [end] = await kafka.admin.fetchTopicOffsets(kafka.topic);
      const onTopic = Number(end!.high) - Number(end!.low);
      reader ??= await startReader();
      await conditions.until(() => found.length >= onTopic, `all ${onTopic} records on the topic`, () => `read ${found.length}`);
      return [...found];
    },
    async [Symbol.asyncDispose]() {
      try {
        await Promise.all([producer.disconnect(), reader?.disconnect()]);
      } finally {
        await kafka[Symbol.asyncDispose]();
      }
    },
  };
}
