import { describe, expect, it } from 'vitest';
import { embeddedOnly, embeddedOnlySuffix, startEmbeddedBroker } from '#graders/testkit/broker-faults.ts';
import { freshKafka, type TestKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { checkout, mismatches, orderIdIn } from './support/checkout.ts';

/** Every OrderPlaced on the real topic, read from the beginning until the last one arrives. */
async function ordersOnTopic(kafka: TestKafka): Promise<string[]> {
  const [partition] = await kafka.admin.fetchTopicOffsets(kafka.topic);
  const total = Number(partition!.high);
  if (total === 0) return [];
  const found: string[] = [];
  const consumer = kafka.client.consumer({ groupId: kafka.groupId('reader') });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
    // Waits for the last record the high watermark announced, not for a time.
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            found.push(orderIdIn(message.value!.toString()));
            if (found.length === total) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return found;
}

describe('placing an order on the course\'s Kafka broker', () => {
  it('keeps each order and its OrderPlaced together wherever checkout dies', async () => {
    await using kafka = await freshKafka('clinic-dual-write');
    const producer = kafka.client.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await using shop = await checkout('clinic_dual_write_broker', { publisher: producer, topic: kafka.topic });
      // Dies after its first call, then its second, ... until an attempt runs to the end
      // (placing one order takes a handful of calls; twenty is far more than any design needs).
      let finished = false;
      for (let calls = 1; calls <= 20 && !finished; calls++) {
        finished = (await shop.placeOrder({ diesAt: { afterCalls: calls } })).outcome !== 'died';
      }
      expect(finished, 'an attempt to place an order that ran to the end within 20 calls').toBe(true);
      await shop.drainOutbox();
      const found = mismatches(await shop.ordersStored(), await ordersOnTopic(kafka));
      expect(found.ordersWithoutEvent, 'orders stored with no OrderPlaced on the topic').toEqual([]);
      expect(found.eventsWithoutOrder, 'OrderPlaced on the topic for orders never stored').toEqual([]);
    } finally {
      await producer.disconnect();
    }
  });
});

// The outage is staged in the broker itself, over the real protocol, so it runs on a broker
// of its own that the course controls, whichever Kafka the rest of the run uses.
describe(`placing an order while the broker is down ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('takes the orders and publishes each once the broker is back', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('clinic-dual-write-down', { on: broker });
    // Few, short retries: checkout's producer gives up on a broker that is down in milliseconds.
    const producer = kafka.newClient({ retry: { initialRetryTime: 10, maxRetryTime: 20, retries: 1 } }).producer();
    await producer.connect();
    try {
      await using shop = await checkout('clinic_dual_write_down', { publisher: producer, topic: kafka.topic });
      broker.faults.makeUnavailable();
      const placed = [await shop.placeOrder(), await shop.placeOrder()];
      expect(placed.map((p) => p.outcome), 'how checkout answered while the broker was down').toEqual(['placed', 'placed']);
      await shop.drainOutbox().catch(() => undefined);
      broker.faults.makeAvailable();
      await shop.drainOutbox();
      const onTopic = await ordersOnTopic(kafka);
      const found = mismatches(await shop.ordersStored(), onTopic);
      expect(found.ordersWithoutEvent, 'orders stored with no OrderPlaced on the topic').toEqual([]);
      expect(onTopic.sort(), 'OrderPlaced on the topic once the broker was back').toEqual(placed.map((p) => p.order.orderId).sort());
    } finally {
      // A failed expectation above may leave the broker down; clean-up needs it up.
      broker.faults.makeAvailable();
      await producer.disconnect();
    }
  });
});
