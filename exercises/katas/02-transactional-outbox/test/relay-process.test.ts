import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { freshKafka, type TestKafka } from '#graders/testkit/harness/kafka-topic.ts';
import { createRelay } from '../src/relay.ts';
import { checkoutDatabase } from './support/checkout-database.ts';
import { placeOrders } from './support/checkout.ts';
import { drain } from './support/drain.ts';
import { expectOutboxInvariants, expectPublishedAtTruthful } from './support/outbox-invariants.ts';
import { deliveriesById, kafkaPublisher, readWholeTopic } from './support/topic.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await checkoutDatabase('kata2_relay_process');
});
afterAll(() => db[Symbol.asyncDispose]());

const relayMain = fileURLToPath(new URL('./support/relay-process-main.ts', import.meta.url));

/** Starts the learner's relay as a real process; its stdout says `ready`, then `published n` per publish. */
async function startRelayProcess(kafka: TestKafka) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--disable-warning=TimeoutNegativeWarning', relayMain], {
    env: { ...process.env, RELAY_DATABASE_URL: db.url, RELAY_BROKERS: kafka.brokers.join(','), RELAY_TOPIC: kafka.topic },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => (await lines.next()).value as string | undefined;
  expect(await next(), 'the relay process did not start (see its output above)').toBe('ready');
  return { child, next };
}

describe('the relay as a real process', () => {
  it('loses nothing and duplicates at most a batch per kill when SIGKILLed mid-flight, again and again', async () => {
    await using kafka = await freshKafka('kata2-sigkill', { partitions: 3 });
    const committed = await placeOrders(db, 200);
    const kills = 4;
    for (let round = 0; round < kills; round++) {
      const { child, next } = await startRelayProcess(kafka);
      // Let it publish a few batches, then kill it a random 0-25 ms later: not a wait for
      // anything, only so the kill lands anywhere in a pass (mid-select, mid-publish, before
      // commit) rather than always just after a publish.
      for (let publishes = randomInt(1, 4); publishes > 0; publishes--) {
        expect(await next(), `round ${round + 1}: the relay stopped publishing with rows still pending`).toMatch(/^published /);
      }
      await new Promise((resolve) => setTimeout(resolve, randomInt(0, 26)));
      child.kill('SIGKILL');
      await once(child, 'exit');
      await expectPublishedAtTruthful(db, committed, deliveriesById(await readWholeTopic(kafka)));
    }
    const clock = new VirtualClock();
    await using publisher = await kafkaPublisher(kafka);
    await drain(createRelay({ pool: db.pool, publisher, clock, topic: kafka.topic, batchSize: 5 }), clock);
    const messages = await readWholeTopic(kafka);
    await expectOutboxInvariants(db, { committed, rolledBack: [], messages, inFlightAtCrash: new Set(messages.map((m) => m.eventId!)) });
    const duplicates = messages.length - new Set(messages.map((m) => m.eventId)).size;
    expect(duplicates, `${kills} kills may each republish at most one batch of 5`).toBeLessThanOrEqual(kills * 5);
  });
});
