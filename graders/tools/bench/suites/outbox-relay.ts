import { Kafka, logLevel } from 'kafkajs';
import { startEmbeddedBroker } from '../../../services/broker/start-embedded-broker.ts';
import { VirtualClock } from '../../../testkit/faults/virtual-clock.ts';
import { RecordingPublisher } from '../../../testkit/faults/recording-publisher.ts';
import { createDatabase } from '../../../testkit/harness/fresh-database.ts';
import { startEmbeddedPostgres } from '../../../services/postgres/embedded-postgres.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadExercise } from '../../../grading/runner/exercise-catalog.ts';
import { scratchDir } from '../../../grading/runner/repo-paths.ts';
import { runVitest } from '../../../grading/runner/run-vitest.ts';
import { startSharedServices } from '../../../grading/runner/shared-services.ts';
import { copyExercise } from '../../../grading/runner/variant-copy.ts';
import type { BenchFigure, BenchSuite } from '../bench-suite.ts';

// The starter declares the same functions the reference implements.
type PlaceOrderModule = typeof import('../../../../exercises/katas/02-transactional-outbox/src/place-order.ts');
type RelayModule = typeof import('../../../../exercises/katas/02-transactional-outbox/src/relay.ts');
const propertyRuns = 100;

const events = 2_000;
const batchSize = 100;

/**
 * Kata 2's reference relay draining an outbox of 2,000 OrderPlaced events into the embedded
 * broker through kafkajs, with one relay and with three sharing the table.
 */
const suite: BenchSuite = {
  name: 'Outbox relay (Kata 2 reference, batch 100, embedded PostgreSQL and broker)',
  async run({ repetitions }) {
    // The benchmark measures the course's reference: what a good solution costs. It is laid
    // over the starter like every reference, then loaded from that copy.
    const exercise = loadExercise('katas/02-transactional-outbox');
    const copy = await copyExercise(exercise, { kind: 'reference' }, join(scratchDir, 'bench', 'outbox-reference'));
    const load = <T>(file: string) => import(pathToFileURL(join(copy, 'src', file)).href) as Promise<T>;
    const { placeOrder } = await load<PlaceOrderModule>('place-order.ts');
    const { createRelay } = await load<RelayModule>('relay.ts');
    const schema = await readFile(join(copy, 'src', 'schema.sql'), 'utf8');
    const postgres = await startEmbeddedPostgres();
    const broker = await startEmbeddedBroker();
    const kafka = new Kafka({ clientId: 'bench-relay', brokers: broker.brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    const producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
    const figures: BenchFigure[] = [];
    try {
      for (const relays of [1, 3]) {
        const samples: number[] = [];
        for (let run = 0; run < repetitions; run++) {
          await using db = await createDatabase({ provider: postgres.provider, adminUrl: postgres.adminUrl }, 'bench_relay');
          await db.pool.query(schema);
          const clock = new VirtualClock();
          for (let i = 0; i < events; i++) {
            await placeOrder(
              { pool: db.pool, clock, publisher: new RecordingPublisher() },
              { orderId: `order-${run}-${i}`, customerId: 'c1', currency: 'EUR', lines: [{ sku: 'SKU-A', quantity: 1, unitPriceCents: 100 }] },
              { commandId: `command-${i}`, correlationId: `flow-${i}` },
            );
          }
          const topic = `bench-relay-${relays}-${run}`;
          await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
          const started = performance.now();
          await Promise.all(
            Array.from({ length: relays }, async () => {
              const relay = createRelay({ pool: db.pool, publisher: producer, clock, topic, batchSize });
              while ((await relay.runOnce()) > 0);
            }),
          );
          samples.push((events / (performance.now() - started)) * 1000);
        }
        figures.push({ metric: `relay throughput, ${relays} relay${relays > 1 ? 's' : ''}`, unit: 'events/s', samples });
      }
    } finally {
      await Promise.allSettled([admin.disconnect(), producer.disconnect()]);
      await broker.stop();
      await postgres.stop();
    }
    figures.push(...(await testTimes(exercise, copy, repetitions)));
    return figures;
  },
};

/** The relay property's cases per second, and the whole exercise's tests, as the grader runs them. */
async function testTimes(exercise: ReturnType<typeof loadExercise>, copy: string, repetitions: number): Promise<BenchFigure[]> {
  const { services, env } = await startSharedServices([exercise]);
  try {
    const property: number[] = [];
    const whole: number[] = [];
    for (let run = 0; run < repetitions; run++) {
      const outcome = await runVitest({ root: copy, env: { ...env, COURSE_RUNS: String(propertyRuns) }, timeoutMs: 600_000, files: ['test/relay.property.test.ts'] });
      const test = outcome.tests[0];
      if (!test || test.status !== 'passed') throw new Error('the relay property failed on the reference while benchmarking; run npm test first');
      property.push(propertyRuns / (test.durationMs / 1000));
      whole.push((await runVitest({ root: copy, env, timeoutMs: 600_000 })).durationMs);
    }
    return [
      { metric: 'relay property: generated cases per second', unit: 'runs/s', samples: property },
      { metric: 'whole exercise: test run wall time', unit: 'ms', samples: whole },
    ];
  } finally {
    await services.stop();
  }
}
export default suite;
