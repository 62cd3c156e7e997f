import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { embeddedOnly, embeddedOnlySuffix } from '../embedded-only.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';

describe(`faults.dropProduceResponses ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('makes a plain producer store its retried batch twice', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('drop-plain', { on: broker });
    const producer = kafka.newClient({ retry: { initialRetryTime: 50, retries: 5 } }).producer();
    await producer.connect();
    broker.faults.dropProduceResponses({ topic: kafka.topic });
    const dropped = once(broker.events, 'produce-response-dropped');
    const [result] = await producer.send({ topic: kafka.topic, messages: [{ value: 'twice' }] });
    await producer.disconnect();
    const [event] = await dropped;
    expect(event).toMatchObject({ topic: kafka.topic, partition: 0, baseOffset: 0 });
    // The answer the producer finally got is for the second copy.
    expect(result!.baseOffset).toBe('1');
    const [offsets] = await kafka.admin.fetchTopicOffsets(kafka.topic);
    expect(offsets!.high).toBe('2');
  });

  it('lets an idempotent producer store its retried batch once', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('drop-idempotent', { on: broker });
    const producer = kafka.newClient({ retry: { initialRetryTime: 50, retries: 5 } }).producer({ idempotent: true });
    await producer.connect();
    broker.faults.dropProduceResponses({ topic: kafka.topic });
    const dropped = once(broker.events, 'produce-response-dropped');
    const [result] = await producer.send({ topic: kafka.topic, messages: [{ value: 'once' }] });
    await producer.disconnect();
    await dropped;
    // The retry is recognised by its producer id and sequence and answered with the first offset.
    expect(result!.baseOffset).toBe('0');
    const [offsets] = await kafka.admin.fetchTopicOffsets(kafka.topic);
    expect(offsets!.high).toBe('1');
  });
});
