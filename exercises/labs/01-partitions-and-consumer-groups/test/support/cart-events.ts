import type { TestKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { type CartEvent, encodeCartEvent } from '../../src/cart-event.ts';

/** Events for the given carts, seq 1..n each, interleaved across carts as a shop would produce them. */
export function cartEvents(perCart: Record<string, number>): CartEvent[] {
  const events: CartEvent[] = [];
  const most = Math.max(0, ...Object.values(perCart));
  for (let seq = 1; seq <= most; seq++) {
    for (const [cartId, count] of Object.entries(perCart)) {
      if (seq <= count) events.push({ cartId, seq, action: `step ${seq}` });
    }
  }
  return events;
}

/** The course's own keyed send, so the consumer tests do not depend on your producer. */
export async function sendKeyed(kafka: TestKafka, events: readonly CartEvent[]): Promise<void> {
  const producer = kafka.client.producer();
  await producer.connect();
  try {
    await producer.send({ topic: kafka.topic, messages: events.map((e) => ({ key: e.cartId, value: encodeCartEvent(e) })) });
  } finally {
    await producer.disconnect();
  }
}

export const label = (e: Pick<CartEvent, 'cartId' | 'seq'>) => `${e.cartId} #${e.seq}`;
