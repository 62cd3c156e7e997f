import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';
import pg from 'pg';
import { planFor } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { freshKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { createRelay } from '../src/relay.ts';
import { checkoutDatabase, emptyTables, outboxRowsFor } from './support/checkout-database.ts';
import { cancel, placeOrders } from './support/checkout.ts';
import { drain } from './support/drain.ts';
import { expectIdleRelayBacksOff } from './support/idle-backoff.ts';
import { asTopic, deliveriesById, kafkaPublisher, readWholeTopic, downUntilBack } from './support/topic.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await checkoutDatabase('kata2_relay');
});
beforeEach(() => emptyTables(db));
afterAll(() => db[Symbol.asyncDispose]());

describe('the polling relay', () => {
  it('publishes every pending event once, keyed by its order id, and marks it published', async () => {
    await using kafka = await freshKafka('kata2-relay', { partitions: 3 });
    await using publisher = await kafkaPublisher(kafka);
    const events = await placeOrders(db, 7);
    const clock = new VirtualClock();
    const relay = createRelay({ pool: db.pool, publisher, clock, topic: kafka.topic, batchSize: 3 });
    await drain(relay, clock);
    const messages = await readWholeTopic(kafka);
    expect(messages, 'one message per event').toHaveLength(7);
    for (const event of events) {
      const message = messages.find((m) => m.eventId === event.eventId);
      expect(message, `${event.label} on the topic`).toBeDefined();
      expect(message!.key, `${event.label} keyed by its order id`).toBe(event.orderId);
    }
    const rows = await outboxRowsFor(db, events.map((e) => e.eventId));
    for (const event of events) {
      expect(rows.get(event.eventId)?.[0]?.publishedAt, `${event.label}: published_at`).not.toBeNull();
    }
  });

  it('publishes nothing and reports 0 when nothing is pending', async () => {
    await using kafka = await freshKafka('kata2-relay-empty');
    await using publisher = await kafkaPublisher(kafka);
    const relay = createRelay({ pool: db.pool, publisher, clock: new VirtualClock(), topic: kafka.topic });
    expect(await relay.runOnce()).toBe(0);
    expect(await readWholeTopic(kafka)).toEqual([]);
  });

  it('sleeps between passes while there is nothing to do, and stops when told', async () => {
    const clock = new VirtualClock();
    const process = simulatedProcess({ pool: db.pool, publisher: { send: async () => [] } });
    const relay = createRelay({ pool: process.pool, publisher: process.publisher, clock, topic: 'unused' });
    await expectIdleRelayBacksOff(relay, process, clock);
  });

  it('leaves rows pending while the broker is down and publishes them once it is back', async () => {
    await using kafka = await freshKafka('kata2-relay-down');
    await using real = await kafkaPublisher(kafka);
    const publisher = downUntilBack(real);
    const events = await placeOrders(db, 3);
    const clock = new VirtualClock();
    const relay = createRelay({ pool: db.pool, publisher, clock, topic: kafka.topic });
    await relay.runOnce().catch(() => 0);
    const rows = await outboxRowsFor(db, events.map((e) => e.eventId));
    for (const event of events) {
      expect(rows.get(event.eventId)?.[0]?.publishedAt, `${event.label} must stay pending while the broker is down`).toBeNull();
    }
    publisher.back();
    clock.advance(10 * 60_000);
    await drain(relay, clock);
    const onTopic = deliveriesById(await readWholeTopic(kafka));
    for (const event of events) expect(onTopic.get(event.eventId), `${event.label} after the broker came back`).toBe(1);
  });

  it('does not let one event the broker always refuses hold back the events behind it', async () => {
    await using kafka = await freshKafka('kata2-relay-poison');
    await using real = await kafkaPublisher(kafka);
    const [poison, ...others] = await placeOrders(db, 6);
    const publisher: Publisher = {
      send: async (record) => {
        if (record.messages.some((m) => m.key?.toString() === poison!.orderId)) {
          throw new Error('KafkaJSProtocolError: The request included a message larger than the max message size the server will accept');
        }
        return real.send(record);
      },
    };
    const clock = new VirtualClock();
    const relay = createRelay({ pool: db.pool, publisher, clock, topic: kafka.topic, batchSize: 4 });
    for (let pass = 0; pass < 10; pass++) {
      await relay.runOnce().catch(() => 0);
      clock.advance(10 * 60_000);
    }
    const onTopic = deliveriesById(await readWholeTopic(kafka));
    for (const event of others) expect(onTopic.get(event.eventId) ?? 0, `${event.label}, behind the refused event`).toBe(1);
    expect(onTopic.get(poison!.eventId) ?? 0, 'the refused event').toBe(0);
    const rows = await outboxRowsFor(db, [poison!.eventId]);
    expect(rows.get(poison!.eventId), 'the refused event stays in the outbox, unpublished, for someone to look at').toEqual([{ publishedAt: null }]);
  });

  it('never hands a row to a second relay while the first still holds it', async () => {
    const events = await placeOrders(db, 6);
    const broker = new RecordingPublisher();
    const clock = new VirtualClock();
    // Relay 1 has read its batch and stalls there, holding whatever it locked.
    const slow = simulatedProcess({ pool: db.pool, publisher: broker, pauseAt: planFor('after-select') });
    const slowPass = slow.run(createRelay({ pool: slow.pool, publisher: slow.publisher, clock, topic: 'orders', batchSize: 3 }).runOnce());
    const heldRows = await Promise.race([slow.paused.then(() => true), slowPass.then(() => false)]);
    expect(heldRows, 'relay 1 found no pending rows to read: placeOrder must leave its events in the outbox').toBe(true);
    // Relay 2 may not wait for relay 1's locks (that is what SKIP LOCKED is for): a short
    // lock_timeout turns waiting into an error that says so.
    const impatient = new pg.Pool({ connectionString: db.url, options: '-c lock_timeout=3000' });
    try {
      await createRelay({ pool: impatient, publisher: broker, clock, topic: 'orders', batchSize: 3 })
        .runOnce()
        .catch((error: Error) => {
          throw new Error(`relay 2 waited for relay 1's rows instead of skipping them (${error.message}): lock with FOR UPDATE SKIP LOCKED`);
        });
    } finally {
      await impatient.end();
    }
    slow.resume();
    await slowPass;
    const onTopic = deliveriesById(asTopic(broker));
    for (const event of events.slice(0, 6)) {
      expect(onTopic.get(event.eventId) ?? 0, `${event.label}: relay 1 held it while relay 2 ran`).toBeLessThanOrEqual(1);
    }
  });

  it('lets three relays share the outbox without publishing any row twice', async () => {
    await using kafka = await freshKafka('kata2-relay-three', { partitions: 3 });
    await using publisher = await kafkaPublisher(kafka);
    const events = await placeOrders(db, 30);
    const clock = new VirtualClock();
    const relays = [1, 2, 3].map(() => createRelay({ pool: db.pool, publisher, clock, topic: kafka.topic, batchSize: 4 }));
    await Promise.all(relays.map((relay) => drain(relay, clock)));
    const onTopic = deliveriesById(await readWholeTopic(kafka));
    for (const event of events) expect(onTopic.get(event.eventId) ?? 0, `${event.label} with three relays running`).toBe(1);
  });

  it('publishes each order\'s events in the order they were committed', async () => {
    await using kafka = await freshKafka('kata2-relay-order', { partitions: 2 });
    await using publisher = await kafkaPublisher(kafka);
    const placed = await placeOrders(db, 4);
    const cancelled = [];
    for (const event of placed.slice(0, 3)) cancelled.push(await cancel(db, event.orderId));
    const clock = new VirtualClock();
    await drain(createRelay({ pool: db.pool, publisher, clock, topic: kafka.topic, batchSize: 2 }), clock);
    const messages = await readWholeTopic(kafka);
    for (const [index, cancellation] of cancelled.entries()) {
      const placedAt = messages.findIndex((m) => m.eventId === placed[index]!.eventId);
      const cancelledAt = messages.findIndex((m) => m.eventId === cancellation.eventId);
      expect(placedAt, `${placed[index]!.label} on the topic`).toBeGreaterThanOrEqual(0);
      expect(cancelledAt, `${cancellation.label} after ${placed[index]!.label} in its partition`).toBeGreaterThan(placedAt);
    }
  });
});
