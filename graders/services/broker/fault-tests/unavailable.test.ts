import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { embeddedOnly, embeddedOnlySuffix } from '../embedded-only.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';

describe(`faults.makeUnavailable ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('drops and refuses connections until the broker is made available, then a retried send succeeds', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('unavailable', { on: broker });
    const producer = kafka.newClient({ retry: { initialRetryTime: 50, maxRetryTime: 200, retries: 20 } }).producer();
    await producer.connect();
    broker.faults.makeUnavailable();
    const refused = once(broker.events, 'connection-refused');
    const sending = producer.send({ topic: kafka.topic, messages: [{ value: 'eventually' }] });
    await refused;
    broker.faults.makeAvailable();
    const [result] = await sending;
    await producer.disconnect();
    expect(result!.errorCode).toBe(0);
    const [offsets] = await kafka.admin.fetchTopicOffsets(kafka.topic);
    expect(offsets!.high).toBe('1');
  });

  it('fails a send whose retries run out while the broker is down', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('unavailable-gives-up', { on: broker });
    const producer = kafka.newClient({ retry: { initialRetryTime: 10, maxRetryTime: 20, retries: 2 } }).producer();
    await producer.connect();
    broker.faults.makeUnavailable();
    await expect(producer.send({ topic: kafka.topic, messages: [{ value: 'lost' }] })).rejects.toThrow();
    broker.faults.makeAvailable();
    await producer.disconnect();
  });
});
