import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planFor } from '#graders/testkit/faults/crash-points.ts';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { createRelay } from '../src/relay.ts';
import { checkoutDatabase, emptyTables } from './support/checkout-database.ts';
import { cancel, placeOrders } from './support/checkout.ts';
import { drain } from './support/drain.ts';
import type { PlacedEvent } from './support/outbox-invariants.ts';
import { asTopic } from './support/topic.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await checkoutDatabase('kata2_relay_order');
});
beforeEach(() => emptyTables(db));
afterAll(() => db[Symbol.asyncDispose]());

const topic = 'orders';

/** One order placed then cancelled, with another order placed between and after. */
async function anOrderPlacedThenCancelled() {
  const [placed, other] = await placeOrders(db, 2);
  const cancelled = await cancel(db, placed!.orderId);
  const [later] = await placeOrders(db, 1);
  return { placed: placed!, cancelled, others: [other!, later!] };
}

function positionsOf(broker: RecordingPublisher, events: PlacedEvent[]) {
  const onTopic = asTopic(broker).map((message) => message.eventId);
  return events.map((event) => onTopic.indexOf(event.eventId));
}

describe('the polling relay keeps each order\'s events in order', () => {
  it('holds an order\'s later event back while the broker refuses its earlier one, and publishes both in order once it accepts', async () => {
    const { placed, cancelled, others } = await anOrderPlacedThenCancelled();
    const broker = new RecordingPublisher();
    let refusals = 0;
    broker.rejectMessage = (message) => {
      if (!message.value.includes(placed.eventId) || refusals >= 3) return undefined;
      refusals++;
      return new Error('KafkaJSProtocolError: The request included a message larger than the max message size the server will accept');
    };
    const clock = new VirtualClock();
    const relay = createRelay({ pool: db.pool, publisher: broker, clock, topic, batchSize: 10 });
    for (let pass = 0; pass < 12 && refusals < 3; pass++) {
      await relay.runOnce().catch(() => 0);
      const [, cancelledAt] = positionsOf(broker, [placed, cancelled]);
      expect(cancelledAt, `${cancelled.label} went out while the broker was still refusing ${placed.label} (refused ${refusals} times so far)`).toBe(-1);
      await clock.advance(10 * 60_000);
    }
    expect(refusals, `${placed.label} was tried again after the broker refused it`).toBe(3);
    const [othersFirst, othersSecond] = positionsOf(broker, others);
    expect(othersFirst, `${others[0]!.label}, another order, is not held back`).toBeGreaterThanOrEqual(0);
    expect(othersSecond, `${others[1]!.label}, another order, is not held back`).toBeGreaterThanOrEqual(0);
    await drain(relay, clock);
    const [placedAt, cancelledAt] = positionsOf(broker, [placed, cancelled]);
    expect(placedAt, `${placed.label} once the broker accepts it`).toBeGreaterThanOrEqual(0);
    expect(cancelledAt, `${cancelled.label} after ${placed.label}`).toBeGreaterThan(placedAt!);
  });

  it('holds an order\'s later event back while another relay holds its earlier one', async () => {
    const { placed, cancelled } = await anOrderPlacedThenCancelled();
    const broker = new RecordingPublisher();
    const clock = new VirtualClock();
    // Relay 1 has claimed the first row, OrderPlaced, and stalls before publishing it.
    const slow = simulatedProcess({ pool: db.pool, publisher: broker, pauseAt: planFor('after-select') });
    const slowPass = slow.run(createRelay({ pool: slow.pool, publisher: slow.publisher, clock, topic, batchSize: 1 }).runOnce());
    const held = await Promise.race([slow.paused.then(() => true), slowPass.then(() => false)]);
    expect(held, 'relay 1 found no pending row to claim: placeOrder must leave its events in the outbox').toBe(true);
    await createRelay({ pool: db.pool, publisher: broker, clock, topic, batchSize: 10 }).runOnce();
    const [, cancelledEarly] = positionsOf(broker, [placed, cancelled]);
    expect(cancelledEarly, `relay 2 published ${cancelled.label} while relay 1 still held ${placed.label}`).toBe(-1);
    slow.resume();
    await slowPass;
    await drain(createRelay({ pool: db.pool, publisher: broker, clock, topic, batchSize: 10 }), clock);
    const [placedAt, cancelledAt] = positionsOf(broker, [placed, cancelled]);
    expect(cancelledAt, `${cancelled.label} after ${placed.label}`).toBeGreaterThan(placedAt!);
  });
});
