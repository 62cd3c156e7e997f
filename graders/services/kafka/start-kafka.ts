import type { KafkaService } from './kafka-service.ts';

export const kafkaAddressVariable = 'COURSE_KAFKA_BROKERS';

/**
 * SEAM for the Kafka provider (environment address, Testcontainers, embedded broker), built
 * by the Kafka issue. Until then no exercise declares `kafka` in its services.
 */
export async function startKafka(_env: NodeJS.ProcessEnv = process.env): Promise<KafkaService> {
  throw new Error('The Kafka provider is not built yet: no exercise may declare the kafka service.');
}
