import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { Kafka, logLevel } from 'kafkajs';
import type { BenchFigure, BenchSuite } from '../bench-suite.ts';
import { joinedBatchConsumer } from '../kafka-bench-consumer.ts';
import { sendConcurrently } from '../kafka-bench-producer.ts';

const messages = 100_000;
const messageBytes = 1_024;
const partitions = 6;
const perSend = 1_000;
const sendsInFlight = 4;

interface BrokerStats {
  cpuMs: number;
  busyMs: number;
  requests: number;
  rssMiB: number;
  logMiB: number;
  peakRssMiB: number;
}

/** The broker in a child process, so its CPU time is told apart from the client's. */
export async function startBrokerProcess(args: string[] = []): Promise<{ child: ChildProcess; brokers: string[]; stats(): Promise<BrokerStats> }> {
  const child = fork(new URL('../../../services/broker/bench/broker-process.ts', import.meta.url), args, { execArgv: ['--import', 'tsx'] });
  const [{ port }] = (await once(child, 'message')) as [{ port: number }];
  return {
    child,
    brokers: [`127.0.0.1:${port}`],
    async stats() {
      child.send('stats');
      const [stats] = (await once(child, 'message')) as [BrokerStats];
      return stats;
    },
  };
}

/**
 * One run: 100,000 messages of 1 KB produced by kafkajs into six partitions while a kafkajs
 * consumer reads them. Each value starts with its send time, so the consumer measures the
 * end-to-end latency of every message.
 */
async function produceToConsume(brokers: string[], run: number) {
  const kafka = new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING });
  const topic = `bench-${run}-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  await admin.disconnect();

  const latencies: number[] = [];
  let finish!: () => void;
  const allConsumed = new Promise<void>((resolve) => (finish = resolve));
  const consumer = await joinedBatchConsumer(kafka, topic, async ({ batch }) => {
    const now = performance.timeOrigin + performance.now();
    for (const message of batch.messages) latencies.push(now - message.value!.readDoubleBE(0));
    if (latencies.length >= messages) finish();
  });

  const producer = kafka.producer();
  await producer.connect();
  const filler = Buffer.alloc(messageBytes - 8, 0x61);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await sendConcurrently(messages, perSend, sendsInFlight, (count) => {
    const stamp = Buffer.alloc(8);
    stamp.writeDoubleBE(performance.timeOrigin + performance.now());
    return producer.send({ topic, messages: Array.from({ length: count }, () => ({ value: Buffer.concat([stamp, filler]) })) });
  });
  await allConsumed;
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  await producer.disconnect();
  await consumer.disconnect();
  return { topic, wallMs, clientCpuMs: (cpu.user + cpu.system) / 1_000, latencies };
}

async function deleteTopic(brokers: string[], topic: string): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
}

/** One message at a time, each sent only after the previous one was consumed: latency without backlog. */
async function pacedLatency(brokers: string[], count: number): Promise<number[]> {
  const kafka = new Kafka({ clientId: 'bench-paced', brokers, logLevel: logLevel.NOTHING });
  const topic = `bench-paced-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  const consumer = kafka.consumer({ groupId: `${topic}-group`, maxWaitTimeInMs: 500 });
  let consumed: ((at: number) => void) | undefined;
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async () => consumed?.(performance.now()) });
  await joined;
  const producer = kafka.producer();
  await producer.connect();
  const value = Buffer.alloc(messageBytes, 0x62);
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const arrival = new Promise<number>((resolve) => (consumed = resolve));
    const sent = performance.now();
    await producer.send({ topic, messages: [{ value }] });
    latencies.push((await arrival) - sent);
  }
  await producer.disconnect();
  await consumer.disconnect();
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
  return latencies;
}

const suite: BenchSuite = {
  name: 'Embedded Kafka-protocol broker',
  async run({ repetitions }) {
    const importStarted = performance.now();
    const { startEmbeddedBroker } = await import('../../../services/broker/start-embedded-broker.ts');
    const first = await startEmbeddedBroker();
    const firstStart = performance.now() - importStarted;
    await first.stop();
    const startups: number[] = [];
    for (let i = 0; i < Math.max(repetitions, 10); i++) {
      const started = performance.now();
      const broker = await startEmbeddedBroker();
      startups.push(performance.now() - started);
      await broker.stop();
    }

    const broker = await startBrokerProcess();
    const runs = Math.min(repetitions, 3);
    const throughput: number[] = [];
    const wall: number[] = [];
    const clientCpu: number[] = [];
    const brokerCpu: number[] = [];
    const brokerBusy: number[] = [];
    const brokerRss: number[] = [];
    let latencies: number[] = [];
    let paced: number[] = [];
    try {
      for (let run = 0; run < runs; run++) {
        const before = await broker.stats();
        const result = await produceToConsume(broker.brokers, run);
        const after = await broker.stats();
        throughput.push(messages / (result.wallMs / 1_000));
        wall.push(result.wallMs);
        clientCpu.push(result.clientCpuMs);
        brokerCpu.push(after.cpuMs - before.cpuMs);
        brokerBusy.push(after.busyMs - before.busyMs);
        latencies = result.latencies;
        brokerRss.push(after.rssMiB);
        await deleteTopic(broker.brokers, result.topic);
      }
      paced = await pacedLatency(broker.brokers, 1_000);
    } finally {
      broker.child.send('stop');
      await once(broker.child, 'exit');
    }

    return [
      { metric: 'broker start-up (listening, in-process)', unit: 'ms', samples: startups, target: { comparison: '<', value: 50 } },
      { metric: 'first start-up in a process, module import included', unit: 'ms', samples: [firstStart], target: { comparison: '<', value: 50 } },
      { metric: `produce→consume, ${messages / 1_000}k × 1 KB, ${partitions} partitions`, unit: 'messages/s', samples: throughput },
      { metric: 'end-to-end latency at full load (backlog included)', unit: 'ms', samples: latencies },
      { metric: 'end-to-end latency, one 1 KB message at a time', unit: 'ms', samples: paced },
      { metric: 'wall time per run', unit: 'ms', samples: wall },
      { metric: 'client CPU time per run (kafkajs producer + consumer)', unit: 'ms', samples: clientCpu },
      { metric: 'broker CPU time per run (whole broker process)', unit: 'ms', samples: brokerCpu },
      { metric: 'broker wall time in request handlers per run', unit: 'ms', samples: brokerBusy },
      { metric: 'broker resident memory holding one run (100 MB)', unit: 'MiB', samples: brokerRss },
      { metric: 'client resident memory after the runs', unit: 'MiB', samples: [process.memoryUsage().rss / 2 ** 20] },
    ] satisfies BenchFigure[];
  },
};

export default suite;
