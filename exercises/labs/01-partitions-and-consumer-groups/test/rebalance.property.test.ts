import fc from 'fast-check';
import type { Consumer } from 'kafkajs';
import { describe, it } from 'vitest';
import { freshKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { Watch } from '#graders/testkit/harness/watch.ts';
import type { CartEvent } from '../src/cart-event.ts';
import { publishCartEvents } from '../src/cart-producer.ts';
import { runOrderedConsumer } from '../src/ordered-consumer.ts';
import { cartEvents, label } from './support/cart-events.ts';
import { quickConsumer } from './support/quick-consumer.ts';

/** A change of the group's membership, made while events are still arriving. */
type Change = 'a member joins' | 'the oldest member leaves';

const shapeArbitrary = fc.record({
  perCart: fc.dictionary(fc.constantFrom('cart-1', 'cart-2', 'cart-3', 'cart-4', 'cart-5', 'cart-6'), fc.integer({ min: 1, max: 4 }), {
    minKeys: 1,
    maxKeys: 5,
  }),
  changes: fc.array(fc.constantFrom<Change>('a member joins', 'the oldest member leaves'), { minLength: 1, maxLength: 3 }),
});

/**
 * The first event handled out of its cart's order, if any: handling #n before #n-1 was ever
 * handled. Handling an event again after a rebalance is allowed (at least once), jumping
 * ahead is not.
 */
function firstOutOfOrder(handled: readonly { member: string; event: CartEvent }[]): string | undefined {
  const highest = new Map<string, number>();
  for (const [index, { member, event }] of handled.entries()) {
    const before = highest.get(event.cartId) ?? 0;
    if (event.seq > before + 1) {
      return `${member} handled ${label(event)} (handling #${index + 1}) before ${event.cartId} #${before + 1} was ever handled`;
    }
    highest.set(event.cartId, Math.max(before, event.seq));
  }
  return undefined;
}

describe('publishCartEvents and runOrderedConsumer together', () => {
  it('handle every cart in order while members join and leave mid-stream', async () => {
    await assertProperty(
      fc.asyncProperty(shapeArbitrary, async ({ perCart, changes }) => {
        await using kafka = await freshKafka('lab1-rebalance', { partitions: 3 });
        const watch = new Watch();
        const handled: { member: string; event: CartEvent }[] = [];
        const members: Consumer[] = [];
        let joined = 0;
        const join = async () => {
          const name = `member-${++joined}`;
          const consumer = kafka.client.consumer(quickConsumer(kafka.groupId('carts')));
          members.push(consumer);
          await consumer.connect();
          await runOrderedConsumer({
            consumer,
            topic: kafka.topic,
            handle: async (event) => {
              handled.push({ member: name, event });
              watch.changed();
            },
          });
        };
        const events = cartEvents(perCart);
        // The events go out in consecutive slices, one more than there are changes, each
        // sent right after a change, while the group is still rebalancing.
        const size = Math.ceil(events.length / (changes.length + 1));
        const slices = Array.from({ length: changes.length + 1 }, (_, i) => events.slice(i * size, (i + 1) * size));
        const producer = kafka.client.producer();
        await producer.connect();
        try {
          await join();
          await publishCartEvents(producer, kafka.topic, slices[0]!);
          for (const [i, change] of changes.entries()) {
            if (change === 'a member joins' || members.length === 1) await join();
            else await members.shift()!.disconnect();
            await publishCartEvents(producer, kafka.topic, slices[i + 1]!);
          }
          const all = () => events.every((e) => handled.some((h) => label(h.event) === label(e)));
          const timeline = () => handled.map((h) => `${h.member}: ${label(h.event)}`).join('; ');
          await watch.until(all, `every one of the ${events.length} events to be handled`, timeline);
          const wrong = firstOutOfOrder(handled);
          if (wrong) throw new Error(`Out of order after ${changes.join(', then ')}: ${wrong}.\nHandled: ${timeline()}`);
        } finally {
          await producer.disconnect();
          for (const consumer of members) await consumer.disconnect();
        }
      }),
      { numRuns: 4 },
    );
  });
});
