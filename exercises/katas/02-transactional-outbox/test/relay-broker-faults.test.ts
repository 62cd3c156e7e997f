import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { embeddedOnly, embeddedOnlySuffix, startEmbeddedBroker } from '#graders/testkit/broker-faults.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { freshKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { createRelay } from '../src/relay.ts';
import { checkoutDatabase, emptyTables, outboxRowsFor } from './support/checkout-database.ts';
import { placeOrders } from './support/checkout.ts';
import { drain } from './support/drain.ts';
import { deliveriesById, kafkaPublisher, readWholeTopic } from './support/topic.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await checkoutDatabase('kata2_broker_faults');
});
beforeEach(() => emptyTables(db));
afterAll(() => db[Symbol.asyncDispose]());

// These stage faults in the broker itself, over the real protocol, so they run on a broker of
// their own that the course controls, whichever Kafka the rest of the run uses.
describe(`the polling relay against a misbehaving broker ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('keeps rows pending while the broker refuses the topic, and publishes each once after', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('kata2-refused', { on: broker });
    await using publisher = await kafkaPublisher(kafka);
    const events = await placeOrders(db, 3);
    const clock = new VirtualClock();
    const relay = createRelay({ pool: db.pool, publisher, clock, topic: kafka.topic, batchSize: 3 });
    broker.faults.rejectProduces(kafka.topic, 'POLICY_VIOLATION');
    await relay.runOnce().catch(() => 0);
    const rows = await outboxRowsFor(db, events.map((e) => e.eventId));
    for (const event of events) expect(rows.get(event.eventId)?.[0]?.publishedAt, `${event.label} while refused`).toBeNull();
    broker.faults.clear();
    clock.advance(10 * 60_000);
    await drain(relay, clock);
    const onTopic = deliveriesById(await readWholeTopic(kafka));
    for (const event of events) expect(onTopic.get(event.eventId), `${event.label} once the broker accepts`).toBe(1);
  });

  it('keeps rows pending while the broker is down, and publishes them when it is back', async () => {
    await using broker = await startEmbeddedBroker();
    await using kafka = await freshKafka('kata2-down', { on: broker });
    const producer = kafka.newClient({ retry: { initialRetryTime: 10, maxRetryTime: 20, retries: 1 } }).producer();
    await producer.connect();
    const events = await placeOrders(db, 2);
    const clock = new VirtualClock();
    const relay = createRelay({ pool: db.pool, publisher: producer, clock, topic: kafka.topic });
    broker.faults.makeUnavailable();
    await relay.runOnce().catch(() => 0);
    const rows = await outboxRowsFor(db, events.map((e) => e.eventId));
    for (const event of events) expect(rows.get(event.eventId)?.[0]?.publishedAt, `${event.label} while the broker is down`).toBeNull();
    broker.faults.makeAvailable();
    clock.advance(10 * 60_000);
    await drain(relay, clock);
    await producer.disconnect();
    const onTopic = deliveriesById(await readWholeTopic(kafka));
    for (const event of events) expect(onTopic.get(event.eventId), `${event.label} after the broker came back`).toBe(1);
  });
});
