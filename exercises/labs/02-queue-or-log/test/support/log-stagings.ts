import type { Consumer } from 'kafkajs';
import { freshKafka, type TestKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { Watch } from '#graders/testkit/harness/watch.ts';
import { type DeliveredLogJob, publishJobs, runLogWorker } from '../../src/job-log.ts';

/** Consumer timings that let a group notice a join within a fraction of a second. */
const quick = (groupId: string) => ({
  groupId,
  sessionTimeout: 6_000,
  rebalanceTimeout: 10_000,
  heartbeatInterval: 200,
  maxWaitTimeInMs: 100,
  retry: { initialRetryTime: 50, retries: 8 },
});

const step = (job: DeliveredLogJob) => (job.payload as { step: string }).step;

/** A topic, a producer and members whose handled jobs are recorded, all closed at the end. */
async function withTopic<T>(label: string, partitions: number, body: (t: LogStage) => Promise<T>): Promise<T> {
  const kafka = await freshKafka(label, { partitions });
  const stage = new LogStage(kafka);
  try {
    return await body(stage);
  } finally {
    await stage.close();
    await kafka[Symbol.asyncDispose]();
  }
}

class LogStage {
  readonly watch = new Watch();
  readonly handled: { member: string; step: string }[] = [];
  readonly #consumers: Consumer[] = [];
  readonly #producer;
  #connected = false;
  readonly kafka: TestKafka;

  constructor(kafka: TestKafka) {
    this.kafka = kafka;
    this.#producer = kafka.client.producer();
  }

  async publish(...jobs: [key: string, step: string][]): Promise<void> {
    if (!this.#connected) await this.#producer.connect();
    this.#connected = true;
    await publishJobs(this.#producer, this.kafka.topic, jobs.map(([key, s]) => ({ key, payload: { step: s } })));
  }

  async member(name: string, options: { group?: string; commit: boolean; partitionsAtOnce?: number; before?: (step: string) => Promise<void> }) {
    const consumer = this.kafka.client.consumer(quick(this.kafka.groupId(options.group ?? 'workers')));
    this.#consumers.push(consumer);
    await consumer.connect();
    await runLogWorker({
      consumer,
      topic: this.kafka.topic,
      commit: options.commit,
      ...(options.partitionsAtOnce ? { partitionsAtOnce: options.partitionsAtOnce } : {}),
      handle: async (job) => {
        await options.before?.(step(job));
        this.handled.push({ member: name, step: step(job) });
        this.watch.changed();
      },
    });
  }

  count(s: string): number {
    return this.handled.filter((h) => h.step === s).length;
  }

  until(holds: () => boolean, what: string, within?: number): Promise<void> {
    return this.watch.until(holds, what, () => this.handled.map((h) => `${h.member}: ${h.step}`).join(', ') || 'nothing handled', within);
  }

  async close(): Promise<void> {
    for (const consumer of this.#consumers) await consumer.disconnect();
    if (this.#connected) await this.#producer.disconnect();
  }
}

/**
 * A slow first job: a (key order-2, partition 0) blocks its handler; b has the same key, c
 * another (order-1, partition 1). One member works on all partitions at once.
 */
export function logSlowFirst(): Promise<{ otherKeyHandled: boolean; sameKeyHandled: boolean }> {
  return withTopic('lab2-slow', 3, async (stage) => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await stage.publish(['order-2', 'a'], ['order-2', 'b'], ['order-1', 'c']);
    await stage.member('worker', { commit: true, partitionsAtOnce: 3, before: (s) => (s === 'a' ? gate : Promise.resolve()) });
    // c is on another partition: it is handled while a is still in its handler.
    await stage.until(() => stage.count('c') > 0, 'c (another key, another partition) to be handled while a is slow');
    const sameKeyHandled = stage.count('b') > 0;
    release();
    await stage.until(() => stage.count('b') > 0, 'b to be handled once a finished');
    return { otherKeyHandled: true, sameKeyHandled };
  });
}

/**
 * A job handled but never committed: does it come back before or after the partition
 * changes hands? One partition; member 1 handles a and b without committing, then
 * member 2 joins and the group rebalances.
 */
export function logUncommitted(): Promise<{ backBeforeRebalance: boolean; backAfterRebalance: boolean }> {
  return withTopic('lab2-uncommitted', 1, async (stage) => {
    await stage.publish(['order-2', 'a']);
    await stage.member('worker 1', { commit: false });
    await stage.until(() => stage.count('a') > 0, 'a to be handled');
    await stage.publish(['order-2', 'b']);
    await stage.until(() => stage.count('b') > 0, 'b to be handled after a');
    const backBeforeRebalance = stage.count('a') > 1;
    await stage.member('worker 2', { commit: false });
    let backAfterRebalance = true;
    try {
      await stage.until(() => stage.count('a') > 1, 'a to be handed out again after the rebalance', 15_000);
    } catch {
      backAfterRebalance = false;
    }
    return { backBeforeRebalance, backAfterRebalance };
  });
}

/** A job handled and committed by one group: can another group still read it? */
export function logAfterProcessing(): Promise<{ readAgain: boolean }> {
  return withTopic('lab2-replay', 1, async (stage) => {
    await stage.publish(['order-2', 'a'], ['order-2', 'b']);
    await stage.member('billing', { group: 'billing', commit: true });
    await stage.until(() => stage.count('b') > 0, 'billing to handle a and b');
    await stage.member('audit', { group: 'audit', commit: true });
    await stage.until(() => stage.handled.filter((h) => h.member === 'audit').length >= 2, 'a new group to read the topic from its start');
    return { readAgain: stage.handled.some((h) => h.member === 'audit' && h.step === 'a') };
  });
}

/**
 * Jobs nobody has read yet, when the log start moves past them: what retention does once
 * records are older than retention.ms, staged here at once with DeleteRecords.
 */
export function logUnreadPastRetention(): Promise<{ unreadKept: boolean }> {
  return withTopic('lab2-retention', 1, async (stage) => {
    await stage.publish(['order-2', 'a'], ['order-2', 'b']);
    // The admin client looks the partition's leader up in its metadata cache: load it first.
    await stage.kafka.admin.fetchTopicMetadata({ topics: [stage.kafka.topic] });
    await stage.kafka.admin.deleteTopicRecords({ topic: stage.kafka.topic, partitions: [{ partition: 0, offset: '1' }] });
    await stage.member('late worker', { commit: true });
    await stage.until(() => stage.count('b') > 0, 'the late worker to reach b');
    return { unreadKept: stage.count('a') > 0 };
  });
}
