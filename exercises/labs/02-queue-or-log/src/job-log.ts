import type { Consumer, Producer } from 'kafkajs';

/**
 * The same work on a log: jobs are records on a Kafka topic, keyed like the queue's jobs,
 * read by a consumer group. Given, not for you to write: the tests run it beside your queue
 * and compare what each does. Read it to see where the differences come from.
 */

export interface LogJob {
  key: string;
  payload: unknown;
}

/** A job as a log worker receives it: where it sits in the log is part of it. */
export interface DeliveredLogJob extends LogJob {
  partition: number;
  offset: number;
}

/** Appends jobs to the topic, keyed, in the order given. */
export async function publishJobs(producer: Producer, topic: string, jobs: readonly LogJob[]): Promise<void> {
  await producer.send({ topic, messages: jobs.map((job) => ({ key: job.key, value: JSON.stringify(job.payload) })) });
}

export interface LogWorkerOptions {
  /** A connected kafkajs consumer, created with the group id. */
  consumer: Consumer;
  topic: string;
  handle: (job: DeliveredLogJob) => Promise<void>;
  /** Whether to commit each handled job's offset. A log has no per-message acknowledgement: the commit is the only one. */
  commit: boolean;
  /** How many partitions this member works on at once; within a partition it is always one job at a time. */
  partitionsAtOnce?: number;
}

/** Runs one member of a consumer group over the topic, from the beginning for a new group. */
export async function runLogWorker({ consumer, topic, handle, commit, partitionsAtOnce = 1 }: LogWorkerOptions): Promise<void> {
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    partitionsConsumedConcurrently: partitionsAtOnce,
    eachMessage: async ({ partition, message }) => {
      const payload: unknown = JSON.parse(message.value?.toString() ?? 'null');
      await handle({ key: message.key?.toString() ?? '', payload, partition, offset: Number(message.offset) });
      if (commit) await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
    },
  });
}
