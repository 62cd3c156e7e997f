import { PartitionLog } from './partition-log.ts';
import { PartitionTransactions } from './partition-transactions.ts';
import { ProducerStates } from './producer-state.ts';

export interface Partition {
  log: PartitionLog;
  producers: ProducerStates;
  transactions: PartitionTransactions;
}

export interface Topic {
  name: string;
  partitions: Partition[];
  configs: Map<string, string | null>;
}

/** A new, empty partition: its log, its idempotent-producer state and its transactions. */
export function emptyPartition(): Partition {
  return { log: new PartitionLog(), producers: new ProducerStates(), transactions: new PartitionTransactions() };
}

const legalName = /^[a-zA-Z0-9._-]+$/;

/** Kafka's rule for topic names; undefined when the name is legal. */
export function topicNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a topic name cannot be empty';
  if (name === '.' || name === '..') return `"${name}" is not a legal topic name`;
  if (name.length > 249) return `a topic name is at most 249 characters, "${name.slice(0, 20)}…" has ${name.length}`;
  if (!legalName.test(name)) return `"${name}" contains characters other than ASCII letters, digits, ".", "_" and "-"`;
  return undefined;
}

/** Every topic the broker holds, in memory, by name. */
export class TopicStore {
  private readonly topics = new Map<string, Topic>();

  get(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  partition(topic: string, index: number): Partition | undefined {
    return this.topics.get(topic)?.partitions[index];
  }

  names(): string[] {
    return [...this.topics.keys()];
  }

  create(name: string, partitions: number, configs: Map<string, string | null> = new Map()): Topic {
    const topic: Topic = {
      name,
      partitions: Array.from({ length: partitions }, emptyPartition),
      configs,
    };
    this.topics.set(name, topic);
    return topic;
  }

  delete(name: string): boolean {
    const topic = this.topics.get(name);
    if (!topic) return false;
    this.topics.delete(name);
    // Long-polling fetches on the topic answer at once, now with UNKNOWN_TOPIC_OR_PARTITION.
    for (const partition of topic.partitions) partition.log.wakeAll();
    return true;
  }

  all(): Topic[] {
    return [...this.topics.values()];
  }
}
