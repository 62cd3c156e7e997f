import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';
import { quickConsumer } from './consumer-settings.ts';

describe('a message', () => {
  it('keeps its key, value, headers and timestamp, null keys and null values included', async () => {
    await using kafka = await freshKafka('round-trip');
    const producer = kafka.client.producer();
    await producer.connect();
    const timestamp = String(Date.now() - 5_000);
    await producer.send({
      topic: kafka.topic,
      messages: [
        { key: 'k1', value: 'plain', headers: { 'event-type': 'OrderPlaced', trace: ['a', 'b'] }, timestamp },
        { key: null, value: 'no key' },
        { key: 'tombstone', value: null },
        { key: Buffer.from([0, 255, 1]), value: Buffer.from([9, 8, 7]), headers: { bin: Buffer.from([0, 1]) } },
        { key: '', value: '' },
      ],
    });
    await producer.disconnect();

    const consumer = kafka.client.consumer(quickConsumer(kafka.groupId()));
    const received: { key: Buffer | null; value: Buffer | null; headers: unknown; timestamp: string }[] = [];
    let done!: () => void;
    const all = new Promise<void>((resolve) => (done = resolve));
    await consumer.connect();
    await consumer.subscribe({ topic: kafka.topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({ key: message.key, value: message.value, headers: message.headers, timestamp: message.timestamp });
        if (received.length === 5) done();
      },
    });
    await all;
    await consumer.disconnect();

    expect(received[0]!.key!.toString()).toBe('k1');
    expect(received[0]!.headers).toEqual({ 'event-type': Buffer.from('OrderPlaced'), trace: [Buffer.from('a'), Buffer.from('b')] });
    expect(received[0]!.timestamp).toBe(timestamp);
    expect(received[1]!.key).toBeNull();
    expect(received[1]!.value!.toString()).toBe('no key');
    expect(received[2]!.value).toBeNull();
    expect([...received[3]!.key!]).toEqual([0, 255, 1]);
    expect([...received[3]!.value!]).toEqual([9, 8, 7]);
    expect(received[3]!.headers).toEqual({ bin: Buffer.from([0, 1]) });
    expect(received[4]!.key!.length).toBe(0);
    expect(received[4]!.value!.length).toBe(0);
  });
});
