import { describe, expect, it } from 'vitest';
import { freshKafka } from '#graders/testkit/harness/kafka-topic.ts';
import type { OrderEvent } from '../src/order-events.ts';
import { aCustomer, pipeline } from './support/pipeline.ts';

describe('the loyalty consumer on the course\'s Kafka broker', () => {
  it('credits once an order the relay put on the topic twice after dying between publish and mark', async () => {
    await using kafka = await freshKafka('clinic-duplicates');
    const producer = kafka.client.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await using world = await pipeline('clinic_duplicates_broker', { topic: { name: kafka.topic, publisher: producer } });
      const customer = aCustomer();
      await world.placeOrder(customer, 5000);
      expect(await world.relayPass({ diesAt: 'after-publish' })).toBe('died');
      await world.drainOutbox();
      const [partition] = await kafka.admin.fetchTopicOffsets(kafka.topic);
      expect(Number(partition!.high), 'records on the orders topic').toBe(2);

      const loyalty = world.consumer();
      const consumer = kafka.client.consumer({ groupId: kafka.groupId('loyalty') });
      await consumer.connect();
      try {
        await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
        // Waits for the second record to be handled, not for a time.
        await new Promise<void>((resolve, reject) => {
          let handled = 0;
          consumer
            .run({
              eachMessage: async ({ message }) => {
                await loyalty.handle(JSON.parse(message.value!.toString()) as OrderEvent);
                if (++handled === 2) resolve();
              },
            })
            .catch(reject);
        });
      } finally {
        await consumer.disconnect();
      }
      expect(await world.points(customer), 'points after both records were consumed').toBe(50);
    } finally {
      await producer.disconnect();
    }
  });
});
