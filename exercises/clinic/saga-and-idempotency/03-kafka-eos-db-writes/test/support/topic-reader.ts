import type { Kafka } from 'kafkajs';

/**
 * Reads a topic from the start with a group of its own until a message satisfies `done`,
 * checking after every message (no polling), and returns every message read by then, parsed
 * from JSON. kafkajs reads committed by default; `readUncommitted` also shows what aborted
 * transactions wrote. `within` only bounds a wait that fails, to say what did arrive.
 */
export async function readUntil<T>(
  kafka: Kafka,
  options: { topic: string; groupId: string; readUncommitted: boolean; done: (message: T) => boolean; what: string; within?: number },
): Promise<T[]> {
  const consumer = kafka.consumer({ groupId: options.groupId, readUncommitted: options.readUncommitted, maxWaitTimeInMs: 100 });
  const read: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Waited ${options.within ?? 15_000} ms for ${options.what} on ${options.topic}; read ${read.length}: ${JSON.stringify(read)}`)),
        options.within ?? 15_000,
      );
      consumer
        .run({
          eachMessage: async ({ message }) => {
            const value = JSON.parse(message.value?.toString() ?? 'null') as T;
            read.push(value);
            if (options.done(value)) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
  return read;
}
