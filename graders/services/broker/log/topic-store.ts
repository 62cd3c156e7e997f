import { PartitionLog, type SizeListener } from './partition-log.ts';
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
export function emptyPartition(sizeChanged?: SizeListener): Partition {
  return { log: new PartitionLog(sizeChanged), producers: new ProducerStates(), transactions: new PartitionTransactions() };
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
  /** Record batches held by every log, and their bytes: what retention and the memory cap act on. */
  readonly held = { bytes: 0, batches: 0 };
  /** Called after the logs grew; the broker checks its memory cap here. */
  afterGrowth: () => void = () => {};
  private readonly sizeChanged: SizeListener = (bytes, batches) => {
    this.held.bytes += bytes;
    this.held.batches += batches;
    if (bytes > 0) this.afterGrowth();
  };

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
      partitions: Array.from({ length: partitions }, () => emptyPartition(this.sizeChanged)),
      configs,
    };
    this.topics.set(name, topic);
    return topic;
  }

  delete(name: string): boolean {
    const topic = this.topics.get(name);
    if (!topic) return false;
    this.topics.delete(name);
    for (const partition of topic.partitions) partition.log.release();
    // Long-polling fetches on the topic answer at once, now with UNKNOWN_TOPIC_OR_PARTITION.
    for (const partition of topic.partitions) partition.log.wakeAll();
    return true;
  }

  /** CreatePartitions: new, empty partitions after the existing ones. */
  addPartitions(topic: Topic, count: number): void {
    while (topic.partitions.length < count) topic.partitions.push(emptyPartition(this.sizeChanged));
  }

  all(): Topic[] {
    return [...this.topics.values()];
  }
}
