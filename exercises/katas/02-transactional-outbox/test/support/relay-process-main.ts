// The learner's relay as a process of its own, for tests that SIGKILL it. Everything it needs
// comes from the environment; it runs until killed or until the outbox stays empty.
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { systemClock } from '#graders/testkit/contracts/clock.ts';
import { createRelay } from '../../src/relay.ts';

const { RELAY_DATABASE_URL, RELAY_BROKERS, RELAY_TOPIC } = process.env;
if (!RELAY_DATABASE_URL || !RELAY_BROKERS || !RELAY_TOPIC) {
  throw new Error('relay-process-main needs RELAY_DATABASE_URL, RELAY_BROKERS and RELAY_TOPIC');
}
const pool = new pg.Pool({ connectionString: RELAY_DATABASE_URL, max: 2 });
const producer = new Kafka({ clientId: 'relay-process', brokers: RELAY_BROKERS.split(','), logLevel: logLevel.NOTHING }).producer();
await producer.connect();
// Says on stdout each time the broker acknowledged a publish, so the test can kill it
// mid-flight on cue instead of guessing with timers.
const publisher = {
  send: async (record: Parameters<typeof producer.send>[0]) => {
    const result = await producer.send(record);
    process.stdout.write(`published ${record.messages.length}\n`);
    return result;
  },
};
const relay = createRelay({ pool, publisher, clock: systemClock, topic: RELAY_TOPIC, batchSize: 5, idleBackoffMs: 20 });
process.stdout.write('ready\n');
await relay.run(new AbortController().signal);
