// Brings in the typing of inject('services') that kafka-topic.ts reads.
import type {} from '#graders/testkit/vitest/provided-services.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import { Conditions } from '#graders/testkit/harness/conditions.ts';
import { freshKafka } from '#graders/testkit/harness/kafka-topic.ts';
import type { Consumer } from 'kafkajs';
import type { OrderEvent } from '../../src/order-event.ts';
import { createOrderPublisher, type OrderPublisher } from '../../src/order-publisher.ts';
import { createRevenueProjection, type RevenueView } from '../../src/revenue-projection.ts';

/** The checkout publisher on an orders topic of its own on the course's broker. */
export interface OrdersTopic {
  publisher: OrderPublisher;
  /** Every event on the topic, first offset to last, as a consumer group reading from the start sees them. */
  history(): Promise<OrderEvent[]>;
  /** The whole topic replayed from its first offset into a new revenue report. */
  replay(): Promise<RevenueView>;
}

/**
 * Runs `test` against a fresh orders topic and deletes it afterwards. One reader, in a group
 * of its own from the first offset, reads the topic; history() waits until it has read as
 * many records as the topic holds, so nothing published is missed.
 */
export async function withOrdersTopic(label: string, test: (topic: OrdersTopic) => Promise<void>): Promise<void> {
  const kafka = await freshKafka(label);
  const producer = kafka.client.producer();
  let reader: Consumer | undefined;
  try {
    await producer.connect();
    const publisher = createOrderPublisher({ producer, topic: kafka.topic, clock: new VirtualClock() });
    const found: OrderEvent[] = [];
    const conditions = new Conditions();
    const startReader = async () => {
      const consumer = kafka.client.consumer({ groupId: kafka.groupId('history'), maxWaitTimeInMs: 100 });
      await consumer.connect();
      await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          found.push(JSON.parse(message.value?.toString() ?? 'null') as OrderEvent);
          conditions.changed();
        },
      });
      return consumer;
    };
    const history = async () => {
      const [end] = await kafka.admin.fetchTopicOffsets(kafka.topic);
      const onTopic = Number(end!.high) - Number(end!.low);
      reader ??= await startReader();
      await conditions.until(() => found.length >= onTopic, `all ${onTopic} events on the topic`, () => `read ${found.length}`);
      return structuredClone(found);
    };
    await test({
      publisher,
      history,
      async replay() {
        const projection = createRevenueProjection();
        for (const event of await history()) projection.apply(event);
        return projection.view();
      },
    });
  } finally {
    try {
      await Promise.all([producer.disconnect(), reader?.disconnect()]);
    } finally {
      await kafka[Symbol.asyncDispose]();
    }
  }
}
