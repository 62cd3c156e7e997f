import type { ProviderName } from '../provider-choice.ts';

/** A running Kafka (or Kafka-protocol broker) shared by one test run. */
export interface KafkaService {
  provider: ProviderName;
  /** Bootstrap servers as `host:port`, the form `kafkajs` takes. */
  brokers: string[];
  /** Stops the broker if this run started it; leaves an environment-given one alone. */
  stop(): Promise<void>;
}
