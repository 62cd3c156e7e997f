import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { lossyNetwork } from './lossy-network.ts';

/** The values stored in partition 0, read back from the start. */
async function storedValues(kafka: Awaited<ReturnType<typeof freshKafka>>, count: number): Promise<string[]> {
  const consumer = kafka.client.consumer({ groupId: kafka.groupId('reader'), maxWaitTimeInMs: 100 });
  const values: string[] = [];
  let done!: () => void;
  const enough = new Promise<void>((resolve) => (done = resolve));
  await consumer.connect();
  await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      values.push(message.value!.toString());
      if (values.length === count) done();
    },
  });
  await enough;
  await consumer.disconnect();
  return values;
}

describe('a producer whose produce response is lost', () => {
  it('stores a retried batch once when it is idempotent', async () => {
    await using kafka = await freshKafka('idempotent-retry');
    const network = lossyNetwork();
    const producer = kafka
      .newClient({ socketFactory: network.socketFactory, retry: { initialRetryTime: 50, retries: 5 } })
      .producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    network.loseNextProduceResponse();
    await producer.send({ topic: kafka.topic, messages: [{ value: 'once' }] });
    await producer.send({ topic: kafka.topic, messages: [{ value: 'after' }] });
    await producer.disconnect();

    expect(network.lost).toBe(1);
    const [offsets] = await kafka.admin.fetchTopicOffsets(kafka.topic);
    expect(offsets!.high).toBe('2');
    expect(await storedValues(kafka, 2)).toEqual(['once', 'after']);
  });

  it('stores a retried batch twice when it is not idempotent (at-least-once)', async () => {
    await using kafka = await freshKafka('plain-retry');
    const network = lossyNetwork();
    const producer = kafka
      .newClient({ socketFactory: network.socketFactory, retry: { initialRetryTime: 50, retries: 5 } })
      .producer({ idempotent: false });
    await producer.connect();
    network.loseNextProduceResponse();
    await producer.send({ topic: kafka.topic, messages: [{ value: 'twice' }] });
    await producer.disconnect();

    expect(network.lost).toBe(1);
    expect(await storedValues(kafka, 2)).toEqual(['twice', 'twice']);
  });
});
