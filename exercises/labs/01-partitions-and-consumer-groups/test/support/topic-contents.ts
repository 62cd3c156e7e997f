import type { TestKafka } from '#graders/testkit/harness/kafka-topic.ts';

export interface StoredRecord {
  partition: number;
  offset: number;
  key: string | null;
  value: string;
}

/**
 * Every record on the test's topic, read with the admin's offsets and a throwaway group:
 * the high watermarks say how many there are, and the read ends when the last one arrives.
 */
export async function topicContents(kafka: TestKafka): Promise<StoredRecord[]> {
  const ends = await kafka.admin.fetchTopicOffsets(kafka.topic);
  const total = ends.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  const records: StoredRecord[] = [];
  if (total === 0) return records;
  const consumer = kafka.client.consumer({ groupId: kafka.groupId(`reader-${Math.random().toString(36).slice(2, 8)}`), maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            records.push({ partition, offset: Number(message.offset), key: message.key?.toString() ?? null, value: message.value?.toString() ?? '' });
            if (records.length >= total) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return records.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

/** The offset a group will read next in each partition (-1: nothing committed), as numbers. */
export async function committedOffsets(kafka: TestKafka, groupId: string): Promise<Map<number, number>> {
  const [topic] = await kafka.admin.fetchOffsets({ groupId, topics: [kafka.topic] });
  return new Map((topic?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
}

/** The end of each partition: the offset the next record will get. */
export async function endOffsets(kafka: TestKafka): Promise<Map<number, number>> {
  const offsets = await kafka.admin.fetchTopicOffsets(kafka.topic);
  return new Map(offsets.map((p) => [p.partition, Number(p.high)]));
}
