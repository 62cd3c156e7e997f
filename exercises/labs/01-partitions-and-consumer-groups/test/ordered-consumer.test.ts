import type { Consumer } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { freshKafka, type TestKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { Watch } from '#graders/testkit/harness/watch.ts';
import type { CartEvent } from '../src/cart-event.ts';
import { runOrderedConsumer } from '../src/ordered-consumer.ts';
import { cartEvents, label, sendKeyed } from './support/cart-events.ts';
import { quickConsumer } from './support/quick-consumer.ts';
import { committedOffsets, endOffsets, topicContents } from './support/topic-contents.ts';

/** One member of the test's group running your consumer, with what its handler saw. */
async function member(kafka: TestKafka, watch: Watch, handle: (event: CartEvent) => Promise<void> = async () => {}) {
  const handled: CartEvent[] = [];
  const commits = new Map<number, number>();
  const consumer: Consumer = kafka.client.consumer(quickConsumer(kafka.groupId('carts')));
  // A commit lands after the handler returns; the test waits for it, not for a timer.
  consumer.on(consumer.events.COMMIT_OFFSETS, ({ payload }) => {
    for (const { topic, partitions } of payload.topics) {
      if (topic !== kafka.topic) continue;
      for (const { partition, offset } of partitions) commits.set(partition, Math.max(Number(offset), commits.get(partition) ?? -1));
    }
    watch.changed();
  });
  await consumer.connect();
  await runOrderedConsumer({
    consumer,
    topic: kafka.topic,
    handle: async (event) => {
      try {
        await handle(event);
        handled.push(event);
      } finally {
        watch.changed();
      }
    },
  });
  return { consumer, handled, commits, seen: () => handled.map(label).join(', ') };
}

describe('runOrderedConsumer', () => {
  it('commits one past the last handled event, so a member started after a clean stop handles only what is new', async () => {
    await using kafka = await freshKafka('lab1-commits', { partitions: 3 });
    const watch = new Watch();
    const events = cartEvents({ 'cart-1': 3, 'cart-2': 2, 'cart-3': 2 });
    await sendKeyed(kafka, events);
    const first = await member(kafka, watch);
    await watch.until(() => first.handled.length >= events.length, `all ${events.length} events handled`, first.seen);
    const ends = [...(await endOffsets(kafka))].filter(([, end]) => end > 0);
    const coversLast = () => ends.every(([partition, end]) => (first.commits.get(partition) ?? -1) >= end - 1);
    await watch.until(coversLast, 'a commit that covers the last event of each partition', () => JSON.stringify([...first.commits]));
    await first.consumer.disconnect();

    const committed = await committedOffsets(kafka, kafka.groupId('carts'));
    for (const [partition, end] of ends) {
      expect(committed.get(partition), `partition ${partition}: the committed offset is the next to read, the end of the partition`).toBe(end);
    }

    const second = await member(kafka, watch);
    const next: CartEvent = { cartId: 'cart-2', seq: 3, action: 'checked out' };
    await sendKeyed(kafka, [next]);
    await watch.until(() => second.handled.some((e) => label(e) === label(next)), `${label(next)} handled by the second member`, second.seen);
    await second.consumer.disconnect();
    expect(second.handled.map(label), 'the member that took over handled only the new event').toEqual([label(next)]);
  });

  it('hands a failing event over again, never commits past it, and a member that takes over handles it', async () => {
    await using kafka = await freshKafka('lab1-failing', { partitions: 3 });
    const watch = new Watch();
    const events = cartEvents({ 'cart-1': 4 });
    await sendKeyed(kafka, events);
    const offsetOf = new Map((await topicContents(kafka)).map((r) => [JSON.parse(r.value).seq as number, r]));
    const failing = offsetOf.get(2)!;
    let attempts = 0;
    const first = await member(kafka, watch, async (event) => {
      if (event.seq !== 2) return;
      attempts++;
      throw new Error(`the stock service is down (cart-1 #2, attempt ${attempts})`);
    });
    // Either the failing event comes back, or a later one is handled first: both end the wait.
    const later = () => first.handled.some((e) => e.seq > 2);
    await watch.until(() => attempts >= 2 || later(), 'cart-1 #2 to be handed to the handler a second time after it threw', first.seen);
    expect(first.handled.map(label), 'nothing after the failing event was handled while it failed').toEqual(['cart-1 #1']);
    const committed = await committedOffsets(kafka, kafka.groupId('carts'));
    expect(committed.get(failing.partition), `the committed offset stays at cart-1 #2 (offset ${failing.offset}) while it fails`).toBe(failing.offset);
    await first.consumer.disconnect();

    const second = await member(kafka, watch);
    await watch.until(() => second.handled.some((e) => e.seq === 4), 'cart-1 #4 handled by the member that took over', second.seen);
    await second.consumer.disconnect();
    expect(second.handled.map(label), 'the member that took over started at the failed event').toEqual(['cart-1 #2', 'cart-1 #3', 'cart-1 #4']);
  });
});
