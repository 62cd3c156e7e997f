import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { embeddedOnly, embeddedOnlySuffix } from '../embedded-only.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';

describe(`faults.delayFetches ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('holds every fetch response back by the delay, so a consumer sees messages that much later', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('delay', { on: broker });
    const producer = kafka.client.producer();
    await producer.connect();
    await producer.send({ topic: kafka.topic, messages: [{ value: 'slow' }] });
    await producer.disconnect();
    const delays: number[] = [];
    broker.events.on('fetch-delayed', ({ ms }) => delays.push(ms));
    broker.faults.delayFetches(400);

    const consumer = kafka.client.consumer({ groupId: kafka.groupId(), maxWaitTimeInMs: 50 });
    let received!: (at: number) => void;
    const arrival = new Promise<number>((resolve) => (received = resolve));
    await consumer.connect();
    await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
    const fetchStarted = new Promise<number>((resolve) => consumer.on(consumer.events.FETCH_START, () => resolve(performance.now())));
    await consumer.run({ eachMessage: async () => received(performance.now()) });
    const started = await fetchStarted;
    const arrived = await arrival;
    broker.faults.delayFetches(0);
    await consumer.disconnect();
    expect(delays[0]).toBe(400);
    expect(arrived - started).toBeGreaterThanOrEqual(390);
  });
});
