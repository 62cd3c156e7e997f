import type { ConsumerConfig, Producer } from 'kafkajs';
import type { TestKafka } from '../../../testkit/harness/kafka-topic.ts';
import { quickConsumer } from './consumer-settings.ts';
import { MessageCollector, type Received } from './message-collector.ts';

/**
 * A connected transactional kafkajs producer. kafkajs asks for `maxInFlightRequests: 1` and
 * idempotence with a transactional id; the id is unique to the test because it comes from
 * the test's own group-name suffix.
 */
export async function transactionalProducer(
  kafka: TestKafka,
  transactionalId: string,
  transactionTimeout = 30_000,
): Promise<Producer> {
  const producer = kafka.newClient({ retry: { initialRetryTime: 50, retries: 8 } }).producer({
    transactionalId,
    transactionTimeout,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
  return producer;
}

/**
 * Reads `topic` from the beginning with a group of its own until the value `last` arrives
 * (or, given a number, that many records), and returns every value seen by then. `readUncommitted` chooses the isolation level
 * (kafkajs reads committed by default, as the Java client does not).
 */
export async function readUntil(
  kafka: TestKafka,
  last: string | number,
  options: { readUncommitted?: boolean; topic?: string; name?: string } & Partial<ConsumerConfig> = {},
): Promise<string[]> {
  const { topic = kafka.topic, name = options.readUncommitted ? 'uncommitted-reader' : 'committed-reader', ...config } = options;
  const collector = new MessageCollector();
  const consumer = kafka.client.consumer(quickConsumer(kafka.groupId(name), config));
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await collector.run(consumer, name);
    const enough = typeof last === 'number' ? (received: Received[]) => received.length >= last : (received: Received[]) => received.some((m) => m.value === last);
    await collector.until(enough, typeof last === 'number' ? `${last} records on ${topic}` : `"${last}" on ${topic}`);
  } finally {
    await consumer.disconnect();
  }
  return collector.values();
}
