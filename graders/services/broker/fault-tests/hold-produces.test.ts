import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { embeddedOnly, embeddedOnlySuffix } from '../embedded-only.ts';
import { startEmbeddedBroker } from '../start-embedded-broker.ts';

describe(`faults.holdProduces ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('leaves a send unanswered and nothing appended until released, then appends it once', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('hold', { on: broker });
    const producer = kafka.client.producer();
    await producer.connect();
    const release = broker.faults.holdProduces({ topic: kafka.topic });
    const held = once(broker.events, 'produce-held');
    let answered = false;
    const sending = producer.send({ topic: kafka.topic, messages: [{ value: 'held' }] }).finally(() => (answered = true));
    const [event] = await held;
    expect(event).toEqual({ topic: kafka.topic });
    const [whileHeld] = await kafka.admin.fetchTopicOffsets(kafka.topic);
    expect(whileHeld!.high, 'records appended while the produce is held').toBe('0');
    expect(answered, 'the send was answered while held').toBe(false);
    release();
    const [result] = await sending;
    await producer.disconnect();
    expect(result!.errorCode).toBe(0);
    const [offsets] = await kafka.admin.fetchTopicOffsets(kafka.topic);
    expect(offsets!.high).toBe('1');
  });

  it('holds only the topic it names, and clear() releases what it held', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('hold-other', { on: broker });
    await kafka.admin.createTopics({ topics: [{ topic: `${kafka.topic}-other` }], waitForLeaders: true });
    const producer = kafka.client.producer();
    await producer.connect();
    // A producer of its own for the held topic: requests on one connection are answered in order.
    const heldProducer = kafka.client.producer();
    await heldProducer.connect();
    broker.faults.holdProduces({ topic: kafka.topic });
    const held = once(broker.events, 'produce-held');
    const sending = heldProducer.send({ topic: kafka.topic, messages: [{ value: 'held' }] });
    await held;
    const [other] = await producer.send({ topic: `${kafka.topic}-other`, messages: [{ value: 'free' }] });
    expect(other!.errorCode).toBe(0);
    broker.faults.clear();
    const [result] = await sending;
    expect(result!.errorCode).toBe(0);
    await Promise.all([producer.disconnect(), heldProducer.disconnect()]);
    await kafka.admin.deleteTopics({ topics: [`${kafka.topic}-other`] });
  });
});
