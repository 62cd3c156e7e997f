import { once } from 'node:events';
import { Kafka, logLevel } from 'kafkajs';
import { sessionRetention } from '../../../services/broker/session-retention.ts';
import type { BenchFigure, BenchSuite } from '../bench-suite.ts';
import { sendConcurrently } from '../kafka-bench-producer.ts';
import { startBrokerProcess } from './kafka-broker.ts';

const messages = 1_000_000;
const messageBytes = 1_024;
const partitions = 6;
const perSend = 1_000;
const sendsInFlight = 4;

/**
 * A long `npm run services` session in one go: a million 1 KB messages (about 1 GB) into a
 * broker with the session retention and memory cap, which must keep it far below that.
 */
async function session(brokers: string[], run: number): Promise<number> {
  const kafka = new Kafka({ clientId: 'bench-session', brokers, logLevel: logLevel.NOTHING });
  const topic = `bench-session-${run}-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  const value = Buffer.alloc(messageBytes, 0x61);
  const started = performance.now();
  await sendConcurrently(messages, perSend, sendsInFlight, (count) => producer.send({ topic, messages: Array.from({ length: count }, () => ({ value })) }));
  const wallMs = performance.now() - started;
  await producer.disconnect();
  return wallMs;
}

const suite: BenchSuite = {
  name: `Course broker memory over a ${messages / 1_000_000}M-message session (npm run services retention)`,
  async run({ repetitions }) {
    const rss: number[] = [];
    const peak: number[] = [];
    const held: number[] = [];
    const rate: number[] = [];
    // Each run is a fresh broker process: the figure is one session's, not several added up.
    for (let run = 0; run < Math.min(repetitions, 3); run++) {
      const broker = await startBrokerProcess(['session']);
      try {
        const wallMs = await session(broker.brokers, run);
        const stats = await broker.stats();
        rss.push(stats.rssMiB);
        peak.push(stats.peakRssMiB);
        held.push(stats.logMiB);
        rate.push(messages / (wallMs / 1_000));
      } finally {
        broker.child.send('stop');
        await once(broker.child, 'exit');
      }
    }
    const capMiB = sessionRetention.logMemoryCapBytes / 2 ** 20;
    return [
      { metric: `logs held after ${messages / 1_000_000}M × 1 KB (cap ${capMiB} MiB)`, unit: 'MiB', samples: held, target: { comparison: '<', value: capMiB + 1 } },
      { metric: 'broker resident memory after the session', unit: 'MiB', samples: rss },
      { metric: 'broker peak resident memory during the session', unit: 'MiB', samples: peak },
      { metric: 'produce rate with the cap trimming as it goes', unit: 'messages/s', samples: rate },
    ] satisfies BenchFigure[];
  },
};

export default suite;
