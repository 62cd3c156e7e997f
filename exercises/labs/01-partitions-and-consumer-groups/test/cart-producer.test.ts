import { describe, expect, it } from 'vitest';
import { freshKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { decodeCartEvent } from '../src/cart-event.ts';
import { publishCartEvents } from '../src/cart-producer.ts';
import { cartEvents, label } from './support/cart-events.ts';
import { topicContents } from './support/topic-contents.ts';

describe('publishCartEvents', () => {
  it('keys every event by its cart id, so each cart stays on one partition', async () => {
    await using kafka = await freshKafka('lab1-producer', { partitions: 3 });
    const events = cartEvents({ 'cart-1': 3, 'cart-2': 3, 'cart-3': 3, 'cart-4': 3, 'cart-5': 3, 'cart-6': 3 });
    const producer = kafka.client.producer();
    await producer.connect();
    try {
      await publishCartEvents(producer, kafka.topic, events);
    } finally {
      await producer.disconnect();
    }
    const stored = await topicContents(kafka);
    expect(stored, 'every event is on the topic once').toHaveLength(events.length);
    for (const record of stored) {
      const event = decodeCartEvent(Buffer.from(record.value));
      expect(record.key, `${label(event)} is keyed by its cart id`).toBe(event.cartId);
    }
    for (const cartId of new Set(events.map((e) => e.cartId))) {
      const mine = stored.filter((r) => decodeCartEvent(Buffer.from(r.value)).cartId === cartId);
      expect(new Set(mine.map((r) => r.partition)).size, `${cartId}'s events share one partition`).toBe(1);
      const seqs = mine.map((r) => decodeCartEvent(Buffer.from(r.value)).seq);
      expect(seqs, `${cartId}'s events are stored in the order given`).toEqual([1, 2, 3]);
    }
  });
});
