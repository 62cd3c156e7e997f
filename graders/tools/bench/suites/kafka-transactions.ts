import { once } from 'node:events';
import { Kafka, logLevel } from 'kafkajs';
import type { BenchFigure, BenchSuite } from '../bench-suite.ts';
import { joinedBatchConsumer } from '../kafka-bench-consumer.ts';
import { startBrokerProcess } from './kafka-broker.ts';

const transactions = 100;
const perTransaction = 100;
const messageBytes = 1_024;
const partitions = 3;

/**
 * One run: a kafkajs transactional producer commits 100 transactions of 100 messages of 1 KB
 * over three partitions while a read_committed consumer reads them. Measures the producer's
 * commit rate and the rate at which committed messages reach the consumer.
 */
async function transactionalRun(brokers: string[], run: number) {
  const kafka = new Kafka({ clientId: 'bench-txn', brokers, logLevel: logLevel.NOTHING });
  const topic = `bench-txn-${run}-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });

  const total = transactions * perTransaction;
  let consumed = 0;
  let finish!: () => void;
  const allConsumed = new Promise<void>((resolve) => (finish = resolve));
  // kafkajs consumers read committed by default.
  const consumer = await joinedBatchConsumer(kafka, topic, async ({ batch }) => {
    consumed += batch.messages.length;
    if (consumed >= total) finish();
  });

  const producer = kafka.producer({ transactionalId: `${topic}-txn`, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const value = Buffer.alloc(messageBytes, 0x74);
  const started = performance.now();
  for (let t = 0; t < transactions; t++) {
    const transaction = await producer.transaction();
    await transaction.send({ topic, messages: Array.from({ length: perTransaction }, (_, i) => ({ key: String(i % partitions), value })) });
    await transaction.commit();
  }
  const producedMs = performance.now() - started;
  await allConsumed;
  const consumedMs = performance.now() - started;
  await producer.disconnect();
  await consumer.disconnect();
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
  return { producedPerSecond: total / (producedMs / 1_000), consumedPerSecond: total / (consumedMs / 1_000), perCommitMs: producedMs / transactions };
}

const suite: BenchSuite = {
  name: 'Embedded Kafka-protocol broker: transactions',
  async run({ repetitions }) {
    const broker = await startBrokerProcess();
    const produced: number[] = [];
    const consumed: number[] = [];
    const perCommit: number[] = [];
    try {
      for (let run = 0; run < repetitions; run++) {
        const result = await transactionalRun(broker.brokers, run);
        produced.push(result.producedPerSecond);
        consumed.push(result.consumedPerSecond);
        perCommit.push(result.perCommitMs);
      }
    } finally {
      broker.child.send('stop');
      await once(broker.child, 'exit');
    }
    const shape = `${transactions} × ${perTransaction} × 1 KB`;
    return [
      { metric: `transactional produce + commit, ${shape}`, unit: 'messages/s', samples: produced },
      { metric: 'the same, delivered to a read_committed consumer', unit: 'messages/s', samples: consumed },
      { metric: `one transaction of ${perTransaction} (begin, send, commit)`, unit: 'ms', samples: perCommit },
    ] satisfies BenchFigure[];
  },
};

export default suite;
