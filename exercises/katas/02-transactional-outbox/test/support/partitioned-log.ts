/**
 * A consumer group's view of a topic, small enough for property tests: partitions of
 * messages, and the offset the group has committed in each. After a crash a consumer
 * resumes from the committed offset, exactly as a Kafka consumer group does.
 */
export interface LoggedMessage {
  partition: number;
  offset: number;
  key: string;
  value: string;
  /** For timelines: `OrderPlaced order-1 (e3)`. */
  label: string;
}

export class PartitionedLog {
  readonly partitions: LoggedMessage[][];
  readonly committed: number[];

  constructor(partitionCount: number) {
    this.partitions = Array.from({ length: partitionCount }, () => []);
    this.committed = Array.from({ length: partitionCount }, () => 0);
  }

  append(key: string, value: string, label: string): LoggedMessage {
    const partition = this.partitionFor(key);
    const message = { partition, offset: this.partitions[partition]!.length, key, value, label };
    this.partitions[partition]!.push(message);
    return message;
  }

  /** Same key, same partition: the ordering guarantee the relay keys by aggregate id for. */
  partitionFor(key: string): number {
    let hash = 0;
    for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    return hash % this.partitions.length;
  }

  commit(partition: number, nextOffset: number): void {
    // Kafka keeps what the consumer commits, even a step back; consumers commit forward.
    this.committed[partition] = nextOffset;
  }

  remaining(): number {
    return this.partitions.reduce((sum, messages, p) => sum + messages.length - this.committed[p]!, 0);
  }
}
