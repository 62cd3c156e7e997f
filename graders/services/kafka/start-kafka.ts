import { chooseProvider } from '../provider-choice.ts';
import type { KafkaService } from './kafka-service.ts';

export const kafkaAddressVariable = 'COURSE_KAFKA_BROKERS';

/**
 * One Kafka for the whole test run, from the first provider that can give one: the
 * `COURSE_KAFKA_BROKERS` address (a comma list of host:port), Testcontainers with the
 * official image, or the course's embedded broker. Only the chosen module is loaded.
 */
export async function startKafka(env: NodeJS.ProcessEnv = process.env): Promise<KafkaService> {
  const provider = await chooseProvider('Kafka', kafkaAddressVariable, env);
  if (provider === 'environment') {
    return { provider, brokers: parseBrokers(env[kafkaAddressVariable]!), stop: async () => {} };
  }
  if (provider === 'containers') {
    const { startContainerKafka } = await import('./container-kafka.ts');
    return startContainerKafka();
  }
  const { startEmbeddedBroker } = await import('../broker/start-embedded-broker.ts');
  const broker = await startEmbeddedBroker();
  // A bug in the broker must not pass unseen: the shared broker runs in the setup process.
  broker.events.on('internal-error', (error) => console.error('[course broker] internal error:', error));
  return { provider: 'embedded', brokers: broker.brokers, stop: () => broker.stop() };
}

/** `host:port,host:port` → list, refusing anything kafkajs would only fail on later. */
export function parseBrokers(value: string): string[] {
  const brokers = value.split(',').map((b) => b.trim()).filter(Boolean);
  const bad = brokers.filter((b) => !/^[^\s:/]+:\d{1,5}$/.test(b) && !/^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(b));
  if (brokers.length === 0 || bad.length > 0) {
    throw new Error(
      `${kafkaAddressVariable}="${value}" is not a list of host:port addresses` +
        (bad.length > 0 ? ` (${bad.join(', ')} ${bad.length === 1 ? 'is' : 'are'} not)` : '') +
        '. Example: COURSE_KAFKA_BROKERS=localhost:9092,localhost:9093',
    );
  }
  return brokers;
}
