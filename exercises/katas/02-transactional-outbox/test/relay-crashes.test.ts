import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CrashPoint, describeCrashPoint, planFor } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { freshKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { placeOrder } from '../src/place-order.ts';
import { createRelay } from '../src/relay.ts';
import { checkoutDatabase, emptyTables } from './support/checkout-database.ts';
import { placeOrders } from './support/checkout.ts';
import { drain } from './support/drain.ts';
import { expectOutboxInvariants, expectPublishedAtTruthful } from './support/outbox-invariants.ts';
import { aCause, anOrder } from './support/orders.ts';
import { deliveriesById, kafkaPublisher, readWholeTopic, watching } from './support/topic.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await checkoutDatabase('kata2_relay_crashes');
});
beforeEach(() => emptyTables(db));
afterAll(() => db[Symbol.asyncDispose]());

const batchSize = 4;
const crashPoints: CrashPoint[] = ['after-select', 'after-publish', 'mid-batch', 'before-commit', 'after-commit'];

describe.each(crashPoints.map((point) => [describeCrashPoint(point), point] as const))('a relay that dies %s', (_name, point) => {
  it('loses no committed event, never publishes a rolled-back one, and duplicates only its batch in flight', async () => {
    await using kafka = await freshKafka('kata2-crash', { partitions: 3 });
    await using publisher = await kafkaPublisher(kafka);
    const committed = await placeOrders(db, 9);
    const rolledBackOrder = anOrder();
    const doomed = simulatedProcess({ pool: db.pool, publisher, plan: planFor('before-commit') });
    await doomed.run(placeOrder({ pool: doomed.pool, clock: new VirtualClock(), publisher: doomed.publisher }, rolledBackOrder, aCause()));

    const inFlight = new Set<string>();
    const clock = new VirtualClock();
    const dying = simulatedProcess({ pool: db.pool, publisher: watching(publisher, inFlight), plan: planFor(point, batchSize) });
    const firstRelay = createRelay({ pool: dying.pool, publisher: dying.publisher, clock, topic: kafka.topic, batchSize });
    const outcome = await dying.run(drain(firstRelay, clock));
    expect(outcome.finished, `the relay was meant to die ${describeCrashPoint(point)}`).toBe(false);
    await expectPublishedAtTruthful(db, committed, deliveriesById(await readWholeTopic(kafka)));

    await drain(createRelay({ pool: db.pool, publisher, clock, topic: kafka.topic, batchSize }), clock);
    const messages = await readWholeTopic(kafka);
    await expectOutboxInvariants(db, { committed, rolledBack: [], messages, inFlightAtCrash: inFlight });
    expect(
      messages.filter((m) => m.key === rolledBackOrder.orderId || m.value.includes(rolledBackOrder.orderId)),
      `order ${rolledBackOrder.orderId} was rolled back, so nothing about it may reach the topic`,
    ).toEqual([]);
  });
});

describe('relays under a crash', () => {
  it('release the rows a dead relay had locked, so the next relay is not blocked', async () => {
    const committed = await placeOrders(db, 3);
    const broker = new RecordingPublisher();
    const clock = new VirtualClock();
    const dying = simulatedProcess({ pool: db.pool, publisher: broker, plan: planFor('after-select') });
    await dying.run(createRelay({ pool: dying.pool, publisher: dying.publisher, clock, topic: 'orders', batchSize }).runOnce());
    const published = await createRelay({ pool: db.pool, publisher: broker, clock, topic: 'orders', batchSize }).runOnce();
    expect(published, 'events the next relay published straight after the crash').toBe(committed.length);
  });
});
