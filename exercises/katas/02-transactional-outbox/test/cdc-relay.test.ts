import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planFor } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { freshKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { createCdcRelay } from '../src/cdc-relay.ts';
import { placeOrder } from '../src/place-order.ts';
import { cdcCrashPoints, cdcPlanFor } from './support/cdc-crash-points.ts';
import { expectIdleRelayBacksOff } from './support/idle-backoff.ts';
import { flushCommits, freshSlot, unconfirmedTransactions } from './support/cdc-slot.ts';
import { checkoutDatabase, emptyTables, outboxRowsFor } from './support/checkout-database.ts';
import { cancel, placeOrders } from './support/checkout.ts';
import { drain } from './support/drain.ts';
import { expectOutboxInvariants, expectPublishedAtTruthful } from './support/outbox-invariants.ts';
import { aCause, anOrder } from './support/orders.ts';
import { asTopic, deliveriesById, kafkaPublisher, readWholeTopic, watching, downUntilBack } from './support/topic.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await checkoutDatabase('kata2_cdc_relay');
});
beforeEach(() => emptyTables(db));
afterAll(() => db[Symbol.asyncDispose]());

/** Places an order through a process that dies just before its COMMIT: it never happened. */
async function placeRolledBackOrder() {
  const order = anOrder();
  const doomed = simulatedProcess({ pool: db.pool, publisher: new RecordingPublisher(), plan: planFor('before-commit') });
  await doomed.run(placeOrder({ pool: doomed.pool, clock: new VirtualClock(), publisher: doomed.publisher }, order, aCause()));
  return order;
}

describe('the change-data-capture relay', () => {
  it('publishes every event committed after its slot was created, once, keyed by its order id, and marks it published', async () => {
    await using kafka = await freshKafka('kata2-cdc', { partitions: 3 });
    await using publisher = await kafkaPublisher(kafka);
    await using slot = await freshSlot(db);
    const events = await placeOrders(db, 7);
    await flushCommits(db);
    const clock = new VirtualClock();
    await drain(createCdcRelay({ pool: db.pool, publisher, clock, topic: kafka.topic, slotName: slot.name, batchSize: 10 }), clock);
    const messages = await readWholeTopic(kafka);
    expect(messages, 'one message per event').toHaveLength(7);
    for (const event of events) {
      const message = messages.find((m) => m.eventId === event.eventId);
      expect(message, `${event.label} on the topic, its envelope as the value`).toBeDefined();
      expect(message!.key, `${event.label} keyed by its order id`).toBe(event.orderId);
      expect(JSON.parse(message!.value), `${event.label}: the value is the envelope placeOrder stored`).toMatchObject({
        type: 'OrderPlaced',
        data: { orderId: event.orderId },
      });
    }
    const rows = await outboxRowsFor(db, events.map((e) => e.eventId));
    for (const event of events) {
      expect(rows.get(event.eventId)?.[0]?.publishedAt, `${event.label}: published_at`).not.toBeNull();
    }
  });

  it('never publishes an order whose transaction rolled back', async () => {
    await using slot = await freshSlot(db);
    const committed = await placeOrders(db, 2);
    const rolledBack = await placeRolledBackOrder();
    await flushCommits(db);
    const broker = new RecordingPublisher();
    const clock = new VirtualClock();
    await drain(createCdcRelay({ pool: db.pool, publisher: broker, clock, topic: 'orders', slotName: slot.name }), clock);
    const onTopic = deliveriesById(asTopic(broker));
    for (const event of committed) expect(onTopic.get(event.eventId) ?? 0, `${event.label}, committed`).toBe(1);
    expect(
      broker.messages.filter((m) => m.key === rolledBack.orderId || m.value.includes(rolledBack.orderId)),
      `order ${rolledBack.orderId} was rolled back, so nothing about it may reach the topic`,
    ).toEqual([]);
  });

  it('publishes nothing and reports 0 when nothing was committed since its slot was created', async () => {
    await using slot = await freshSlot(db);
    const broker = new RecordingPublisher();
    const relay = createCdcRelay({ pool: db.pool, publisher: broker, clock: new VirtualClock(), topic: 'orders', slotName: slot.name });
    expect(await relay.runOnce()).toBe(0);
    expect(broker.messages).toEqual([]);
  });

  it('confirms what it has read once done with it, so the slot does not keep old changes (and their log) forever', async () => {
    await using slot = await freshSlot(db);
    await placeOrders(db, 3);
    await flushCommits(db);
    const clock = new VirtualClock();
    const relay = createCdcRelay({ pool: db.pool, publisher: new RecordingPublisher(), clock, topic: 'orders', slotName: slot.name });
    await drain(relay, clock);
    // The relay's own published_at updates are changes too; make them readable before the last pass.
    await flushCommits(db);
    expect(await relay.runOnce(), 'a pass after the relay has drained the slot').toBe(0);
    expect(
      await unconfirmedTransactions(db, slot),
      'transactions the slot still holds after the relay drained it: confirm (pg_replication_slot_advance) every change you have read, including those you publish nothing for',
    ).toBe(0);
  });

  it('sleeps between passes while there is nothing to do, and stops when told', async () => {
    await using slot = await freshSlot(db);
    const clock = new VirtualClock();
    const process = simulatedProcess({ pool: db.pool, publisher: new RecordingPublisher() });
    const relay = createCdcRelay({ pool: process.pool, publisher: process.publisher, clock, topic: 'orders', slotName: slot.name });
    await expectIdleRelayBacksOff(relay, process, clock);
  });

  it('leaves events unconfirmed while the broker is down and publishes each once it is back', async () => {
    await using kafka = await freshKafka('kata2-cdc-down');
    await using real = await kafkaPublisher(kafka);
    await using slot = await freshSlot(db);
    const publisher = downUntilBack(real);
    const events = await placeOrders(db, 3);
    await flushCommits(db);
    const clock = new VirtualClock();
    const relay = createCdcRelay({ pool: db.pool, publisher, clock, topic: kafka.topic, slotName: slot.name });
    await relay.runOnce().catch(() => 0);
    await relay.runOnce().catch(() => 0);
    const rows = await outboxRowsFor(db, events.map((e) => e.eventId));
    for (const event of events) {
      expect(rows.get(event.eventId)?.[0]?.publishedAt, `${event.label} must stay unpublished while the broker is down`).toBeNull();
    }
    publisher.back();
    await drain(relay, clock);
    const onTopic = deliveriesById(await readWholeTopic(kafka));
    for (const event of events) expect(onTopic.get(event.eventId) ?? 0, `${event.label} after the broker came back`).toBe(1);
  });

  it("publishes each order's events in the order they were committed", async () => {
    await using kafka = await freshKafka('kata2-cdc-order', { partitions: 2 });
    await using publisher = await kafkaPublisher(kafka);
    await using slot = await freshSlot(db);
    const placed = await placeOrders(db, 4);
    const cancelled = [];
    for (const event of placed.slice(0, 3)) cancelled.push(await cancel(db, event.orderId));
    await flushCommits(db);
    const clock = new VirtualClock();
    await drain(createCdcRelay({ pool: db.pool, publisher, clock, topic: kafka.topic, slotName: slot.name, batchSize: 6 }), clock);
    const messages = await readWholeTopic(kafka);
    for (const [index, cancellation] of cancelled.entries()) {
      const placedAt = messages.findIndex((m) => m.eventId === placed[index]!.eventId);
      const cancelledAt = messages.findIndex((m) => m.eventId === cancellation.eventId);
      expect(placedAt, `${placed[index]!.label} on the topic`).toBeGreaterThanOrEqual(0);
      expect(cancelledAt, `${cancellation.label} after ${placed[index]!.label} in its partition`).toBeGreaterThan(placedAt);
    }
  });
});

// Each order is one transaction of four slot rows (BEGIN, two INSERTs, COMMIT): ten rows a
// pass is three orders, so a batch has a middle.
const batchSize = 10;
const eventsPerPass = 3;

describe.each(cdcCrashPoints)('a change-data-capture relay that dies %s', (point) => {
  it('loses no committed event, never publishes a rolled-back one, and duplicates only its batch in flight', async () => {
    await using kafka = await freshKafka('kata2-cdc-crash', { partitions: 3 });
    await using publisher = await kafkaPublisher(kafka);
    await using slot = await freshSlot(db);
    const committed = await placeOrders(db, 9);
    const rolledBackOrder = await placeRolledBackOrder();
    await flushCommits(db);

    const inFlight = new Set<string>();
    const clock = new VirtualClock();
    const dying = simulatedProcess({ pool: db.pool, publisher: watching(publisher, inFlight), plan: cdcPlanFor(point, eventsPerPass) });
    const firstRelay = createCdcRelay({ pool: dying.pool, publisher: dying.publisher, clock, topic: kafka.topic, slotName: slot.name, batchSize });
    const outcome = await dying.run(drain(firstRelay, clock));
    expect(outcome.finished, `the relay was meant to die ${point}`).toBe(false);
    await expectPublishedAtTruthful(db, committed, deliveriesById(await readWholeTopic(kafka)));

    const nextRelay = createCdcRelay({ pool: db.pool, publisher, clock, topic: kafka.topic, slotName: slot.name, batchSize });
    await drain(nextRelay, clock);
    const messages = await readWholeTopic(kafka);
    await expectOutboxInvariants(db, { committed, rolledBack: [], messages, inFlightAtCrash: inFlight });
    expect(
      messages.filter((m) => m.key === rolledBackOrder.orderId || m.value.includes(rolledBackOrder.orderId)),
      `order ${rolledBackOrder.orderId} was rolled back, so nothing about it may reach the topic`,
    ).toEqual([]);
  });
});
