import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { embeddedOnly, embeddedOnlySuffix } from '../embedded-only.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';

describe(`faults.rejectProduces ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('fails a send with the staged error and stores nothing', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('reject', { on: broker });
    const producer = kafka.client.producer();
    await producer.connect();
    broker.faults.rejectProduces(kafka.topic, 'TOPIC_AUTHORIZATION_FAILED');
    await expect(producer.send({ topic: kafka.topic, messages: [{ value: 'refused' }] })).rejects.toMatchObject({
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });
    const [offsets] = await kafka.admin.fetchTopicOffsets(kafka.topic);
    expect(offsets!.high).toBe('0');
    broker.faults.clear();
    const [accepted] = await producer.send({ topic: kafka.topic, messages: [{ value: 'after clear' }] });
    await producer.disconnect();
    expect(accepted!.baseOffset).toBe('0');
  });

  it('lets the producer retry past a retriable error once the fault is used up', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('reject-retriable', { on: broker });
    const producer = kafka.newClient({ retry: { initialRetryTime: 20, retries: 5 } }).producer();
    await producer.connect();
    const rejected: number[] = [];
    broker.events.on('produce-rejected', (event) => rejected.push(event.errorCode));
    broker.faults.rejectProduces(kafka.topic, 'NOT_ENOUGH_REPLICAS', { count: 2 });
    const [result] = await producer.send({ topic: kafka.topic, messages: [{ value: 'third time' }] });
    await producer.disconnect();
    expect(rejected).toEqual([19, 19]);
    expect(result!.baseOffset).toBe('0');
  });
});
