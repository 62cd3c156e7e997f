// Brings in the typing of inject('services') that kafka-topic.ts reads.
import type {} from '#graders/testkit/vitest/provided-services.ts';
import { randomUUID } from 'node:crypto';
import type { Consumer, Producer } from 'kafkajs';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import { Conditions } from '#graders/testkit/harness/conditions.ts';
import { freshKafka, type TestKafka } from '#graders/testkit/harness/kafka-topic.ts';
import type { Order, OrdersService } from '../../src/orders-api.ts';
import { createOrdersService } from '../../src/orders-service.ts';

/** Partitions of the orders topic: more than one, as any topic that has to scale. */
export const partitions = 3;

/** One record on the topic, where the broker put it. */
export interface TopicRecord {
  partition: number;
  offset: number;
  key: string | null;
  type: string;
  data: Record<string, unknown>;
  /** The record's value as published, for scans. */
  raw: string;
}

/**
 * The orders service on its own `orders` topic (three partitions) on the course's broker,
 * and a reader in a group of its own that reads every record the topic holds, with the
 * partition and offset the broker gave it.
 */
export interface OrdersTopic extends AsyncDisposable {
  kafka: TestKafka;
  service: OrdersService;
  /** Every record on the topic so far, whoever wrote it, in the order the reader got them. */
  records(): Promise<TopicRecord[]>;
}

export async function ordersTopic(label: string): Promise<OrdersTopic> {
  const kafka = await freshKafka(label, { partitions });
  const producer: Producer = kafka.client.producer();
  await producer.connect();
  const service = createOrdersService({ kafka: kafka.client, producer, topic: kafka.topic, groupId: kafka.groupId('orders-service'), clock: new VirtualClock() });
  const found: TopicRecord[] = [];
  const conditions = new Conditions();
  let reader: Consumer | undefined;
  async function startReader(): Promise<Consumer> {
    const consumer = kafka.client.consumer({ groupId: kafka.groupId('reader'), maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const raw = message.value?.toString() ?? '';
        let parsed: { type?: unknown; data?: unknown } = {};
        try {
          parsed = JSON.parse(raw) as typeof parsed;
        } catch {
          // A record that is not JSON still counts; its type reads as "(not JSON)".
        }
        found.push({
          partition,
          offset: Number(message.offset),
          key: message.key?.toString() ?? null,
          type: typeof parsed.type === 'string' ? parsed.type : '(not JSON)',
          data: (parsed.data ?? {}) as Record<string, unknown>,
          raw,
        });
        conditions.changed();
      },
    });
    return consumer;
  }
  return {
    kafka,
    service,
    async records() {
      const offsets = await kafka.admin.fetchTopicOffsets(kafka.topic);
      const onTopic = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
      reader ??= await startReader();
      await conditions.until(() => found.length >= onTopic, `all ${onTopic} records on the topic`, () => `read ${found.length}`);
      return [...found];
    },
    async [Symbol.asyncDispose]() {
      try {
        await Promise.all([service.close(), reader?.disconnect()]);
        await producer.disconnect();
      } finally {
        await kafka[Symbol.asyncDispose]();
      }
    },
  };
}

/** A new order with ids of its own. */
export function anOrder(): Order {
  return { orderId: randomUUID(), customerId: randomUUID(), shippingAddress: '12 Elm St, Springfield' };
}

/** The records about one order, found by its id anywhere in them, in partition-then-offset order. */
export function recordsAbout(records: TopicRecord[], orderId: string): TopicRecord[] {
  return records.filter((record) => record.raw.includes(orderId) || record.key === orderId).sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}
