import { randomBytes } from 'node:crypto';
import { type Admin, Kafka, type KafkaConfig, logLevel } from 'kafkajs';
import { inject } from 'vitest';
import type { ProviderName } from '../../services/provider-choice.ts';
// Declares the type of inject('services'), so a test that needs only Kafka type-checks too.
import type {} from '../vitest/provided-services.ts';

/** A topic of its own for one test, on the run's Kafka, deleted when disposed. */
export interface TestKafka extends AsyncDisposable {
  brokers: string[];
  provider: ProviderName;
  /** The fresh topic, created with the partitions asked for. */
  topic: string;
  /** A fresh consumer group id; the same name gives the same id within this test. */
  groupId(name?: string): string;
  /** A quiet kafkajs client on these brokers. */
  client: Kafka;
  /** A connected admin client, disconnected on dispose. */
  admin: Admin;
  /** Another client, e.g. with its own socketFactory or retry settings. */
  newClient(overrides?: Partial<KafkaConfig>): Kafka;
}

export interface FreshKafkaOptions {
  partitions?: number;
  /** Another broker than the run's, e.g. an embedded broker a fault test started itself. */
  on?: { brokers: string[]; provider?: ProviderName };
}

/** Where the run's Kafka is, as the global setup provided it. */
export function kafkaAddress(): { provider: ProviderName; brokers: string[] } {
  const address = inject('services')?.kafka;
  if (!address) {
    throw new Error(
      'This test needs Kafka but the run did not start it: add "kafka" to the "services" of its ' +
        'exercise.json (or unset COURSE_NEEDS).',
    );
  }
  return address;
}

const slug = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40);

/**
 * Gives a test its brokers and a new topic and group names with a random suffix, so test
 * files and parallel runs never see each other's messages or group members.
 */
export async function freshKafka(label = 'test', options: FreshKafkaOptions = {}): Promise<TestKafka> {
  const { brokers, provider = 'embedded' } = options.on ?? kafkaAddress();
  const suffix = randomBytes(5).toString('hex');
  const topic = `${slug(label)}-${suffix}`;
  const newClient = (overrides: Partial<KafkaConfig> = {}) =>
    new Kafka({ clientId: `course-${slug(label)}`, brokers, logLevel: logLevel.NOTHING, ...overrides });
  const client = newClient();
  const admin = client.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: options.partitions ?? 1 }], waitForLeaders: true });
  } catch (error) {
    await admin.disconnect();
    throw error;
  }
  const groups = new Map<string, string>();
  return {
    brokers,
    provider,
    topic,
    client,
    admin,
    newClient,
    groupId(name = 'group') {
      let id = groups.get(name);
      if (!id) {
        id = `${slug(label)}-${slug(name)}-${suffix}`;
        groups.set(name, id);
      }
      return id;
    },
    async [Symbol.asyncDispose]() {
      try {
        await admin.deleteTopics({ topics: [topic] });
      } finally {
        await admin.disconnect();
      }
    },
  };
}
