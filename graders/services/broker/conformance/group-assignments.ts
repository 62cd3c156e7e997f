import type { Consumer } from 'kafkajs';
import type { TestKafka } from '../../../testkit/harness/kafka-topic.ts';
import { quickConsumer } from './consumer-settings.ts';

export interface Joined {
  memberId: string;
  partitions: number[];
}

/**
 * Tracks each consumer's latest GROUP_JOIN (member id and assigned partitions of one topic)
 * and resolves when a condition over all of them holds, checked at every join.
 */
export class GroupAssignments {
  readonly latest = new Map<string, Joined>();
  readonly joins = new Map<string, number>();
  private readonly checks = new Set<() => void>();
  private readonly topic: string;

  constructor(topic: string) {
    this.topic = topic;
  }

  track(consumer: Consumer, name: string): void {
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      const partitions = [...(event.payload.memberAssignment[this.topic] ?? [])].sort((a, b) => a - b);
      this.latest.set(name, { memberId: event.payload.memberId, partitions });
      this.joins.set(name, (this.joins.get(name) ?? 0) + 1);
      for (const check of [...this.checks]) check();
    });
  }

  until(holds: (latest: Map<string, Joined>) => boolean, what: string, within = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!holds(this.latest)) return;
        this.checks.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.checks.delete(check);
        reject(new Error(`Waited ${within} ms for ${what}; latest assignments: ${JSON.stringify(Object.fromEntries(this.latest))}`));
      }, within);
      this.checks.add(check);
      check();
    });
  }

  /** Every named consumer holds a share, no partition twice, all `count` partitions covered. */
  splitsEvenly(names: string[], count: number): boolean {
    const shares = names.map((n) => this.latest.get(n)?.partitions ?? []);
    const all = shares.flat().sort((a, b) => a - b);
    const even = Math.floor(count / names.length);
    return shares.every((s) => s.length >= even && s.length <= even + 1) && all.length === count && all.every((p, i) => p === i);
  }
}

/**
 * Starts one tracked member per name in the test's group, each subscribed to its topic and
 * reading nothing in particular: for tests about who owns which partition.
 */
export async function startIdleMembers(kafka: TestKafka, assignments: GroupAssignments, names: readonly string[]): Promise<Consumer[]> {
  const consumers = names.map((name) => {
    const consumer = kafka.client.consumer(quickConsumer(kafka.groupId()));
    assignments.track(consumer, name);
    return consumer;
  });
  for (const consumer of consumers) {
    await consumer.connect();
    await consumer.subscribe({ topic: kafka.topic });
    await consumer.run({ eachMessage: async () => {} });
  }
  return consumers;
}
