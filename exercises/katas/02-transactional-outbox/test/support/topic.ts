import type { TestKafka } from '#graders/testkit/harness/kafka-topic.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';
import type { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';

export interface TopicMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string;
  /** The envelope id inside the value, or undefined when the value is not an envelope. */
  eventId: string | undefined;
}

/** A kafkajs producer on the test's brokers, as the Publisher the relay takes. */
export async function kafkaPublisher(kafka: TestKafka): Promise<Publisher & AsyncDisposable> {
  const producer = kafka.client.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  return { send: (record) => producer.send(record), [Symbol.asyncDispose]: () => producer.disconnect() };
}

/**
 * Everything on the topic, from the beginning: the high watermarks say how many messages
 * there are, and a consumer reads until it has them all, so the wait ends on the last
 * message arriving, not on a timer.
 */
export async function readWholeTopic(kafka: TestKafka): Promise<TopicMessage[]> {
  const offsets = await kafka.admin.fetchTopicOffsets(kafka.topic);
  const total = offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  if (total === 0) return [];
  const consumer = kafka.client.consumer({ groupId: kafka.groupId(`reader-${Math.random().toString(36).slice(2, 8)}`) });
  const messages: TopicMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            const value = message.value?.toString() ?? '';
            messages.push({ partition, offset: message.offset, key: message.key?.toString() ?? null, value, eventId: envelopeId(value) });
            if (messages.length >= total) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

function envelopeId(value: string): string | undefined {
  try {
    const parsed = JSON.parse(value) as { id?: unknown };
    return typeof parsed.id === 'string' ? parsed.id : undefined;
  } catch {
    return undefined;
  }
}

/** How many times each event id is on the topic. */
export function deliveriesById(messages: readonly TopicMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of messages) {
    if (message.eventId) counts.set(message.eventId, (counts.get(message.eventId) ?? 0) + 1);
  }
  return counts;
}

/** What the in-memory broker took, in the shape read back from a real topic. */
export function asTopic(broker: RecordingPublisher): TopicMessage[] {
  return broker.messages.map((m) => ({ partition: 0, offset: String(m.position), key: m.key, value: m.value, eventId: envelopeId(m.value) }));
}

/** Records the event ids a publisher let through, on their way to the real one. */
export function watching(publisher: Publisher, seen: Set<string>): Publisher {
  return {
    send: async (record) => {
      const result = await publisher.send(record);
      for (const message of record.messages) {
        const id = envelopeId(message.value?.toString() ?? '');
        if (id) seen.add(id);
      }
      return result;
    },
  };
}

/** A publisher whose broker is down (every send refused) until `back()`, then the real one. */
export function downUntilBack(real: Publisher): Publisher & { back(): void } {
  let down = true;
  return {
    send: async (record) => {
      if (down) throw new Error('KafkaJSConnectionError: Connection refused');
      return real.send(record);
    },
    back: () => void (down = false),
  };
}
