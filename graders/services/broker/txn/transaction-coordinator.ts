import type { Timers } from '../group/timers.ts';
import { ErrorCode } from '../protocol/error-codes.ts';

/** One transactional id's state, as Kafka's transaction coordinator keeps it (transactions V1). */
type TransactionState = 'Empty' | 'Ongoing' | 'CompleteCommit' | 'CompleteAbort';

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface PendingOffset extends TopicPartition {
  offset: number;
  metadata: string;
}

export interface ProducerIdentity {
  transactionalId: string;
  producerId: number;
  producerEpoch: number;
}

interface TransactionalProducer {
  producerId: number;
  epoch: number;
  timeoutMs: number;
  state: TransactionState;
  partitions: Map<string, TopicPartition>;
  /** Offsets sent with TxnOffsetCommit, by group; the group sees them only on commit. */
  offsets: Map<string, Map<string, PendingOffset>>;
  timer: unknown;
}

/** What the coordinator needs from the rest of the broker. */
export interface TransactionEnvironment {
  allocateProducerId(): number;
  /** Appends a commit or abort marker for the producer to one partition (ignored if it is gone). */
  writeMarker(target: TopicPartition, producerId: number, producerEpoch: number, committed: boolean): void;
  /** Stores a committed transaction's offsets as the group's committed offsets. */
  commitOffsets(groupId: string, offsets: PendingOffset[]): void;
  /** Called when the broker itself aborts a transaction. */
  aborted(transactionalId: string, reason: 'timed out' | 'fenced by a new producer'): void;
}

/** Kafka's limit for producer epochs: an id whose epoch reaches it gets a new producer id. */
const exhaustedEpoch = 32_766;
const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
 * The transaction coordinator (this broker coordinates every transactional id). Markers are
 * written synchronously, so a transaction never waits in PrepareCommit or PrepareAbort and
 * CONCURRENT_TRANSACTIONS is never needed. Errors are Kafka's current ones (PRODUCER_FENCED);
 * the handlers translate them for older request versions, as Kafka does.
 */
export class TransactionCoordinator {
  private readonly producers = new Map<string, TransactionalProducer>();
  private readonly timers: Timers;
  private readonly maxTimeoutMs: number;
  private readonly environment: TransactionEnvironment;

  constructor(timers: Timers, maxTimeoutMs: number, environment: TransactionEnvironment) {
    this.timers = timers;
    this.maxTimeoutMs = maxTimeoutMs;
    this.environment = environment;
  }

  initProducerId(transactionalId: string, timeoutMs: number): { errorCode: number; producerId: number; producerEpoch: number } {
    const failure = (errorCode: number) => ({ errorCode, producerId: -1, producerEpoch: -1 });
    if (transactionalId === '') return failure(ErrorCode.INVALID_REQUEST);
    if (timeoutMs <= 0 || timeoutMs > this.maxTimeoutMs) return failure(ErrorCode.INVALID_TRANSACTION_TIMEOUT);
    let producer = this.producers.get(transactionalId);
    if (!producer) {
      producer = { producerId: this.environment.allocateProducerId(), epoch: -1, timeoutMs, state: 'Empty', partitions: new Map(), offsets: new Map(), timer: undefined };
      this.producers.set(transactionalId, producer);
    }
    if (producer.state === 'Ongoing') {
      // Kafka bumps the epoch to fence the old producer, aborts with it, then bumps again
      // when the new producer retries its InitProducerId: the new one never shares an epoch.
      producer.epoch += 1;
      this.finish(producer, false);
      this.environment.aborted(transactionalId, 'fenced by a new producer');
    }
    if (producer.epoch >= exhaustedEpoch) {
      producer.producerId = this.environment.allocateProducerId();
      producer.epoch = 0;
    } else producer.epoch += 1;
    producer.timeoutMs = timeoutMs;
    producer.state = 'Empty';
    return { errorCode: ErrorCode.NONE, producerId: producer.producerId, producerEpoch: producer.epoch };
  }

  /** Adds partitions (AddPartitionsToTxn) or a group's offsets partition (AddOffsetsToTxn). */
  add(identity: ProducerIdentity, partitions: TopicPartition[], groupId?: string): number {
    const found = this.current(identity);
    if (typeof found === 'number') return found;
    if (found.state !== 'Ongoing') {
      found.state = 'Ongoing';
      found.timer = this.timers.setTimeout(() => this.expire(identity.transactionalId, found), found.timeoutMs);
    }
    for (const p of partitions) found.partitions.set(key(p.topic, p.partition), p);
    if (groupId !== undefined && !found.offsets.has(groupId)) found.offsets.set(groupId, new Map());
    return ErrorCode.NONE;
  }

  /** Holds TxnOffsetCommit offsets back until the transaction commits. */
  stageOffsets(identity: ProducerIdentity, groupId: string, offsets: PendingOffset[]): number {
    const found = this.current(identity);
    if (typeof found === 'number') return found;
    const pending = found.state === 'Ongoing' ? found.offsets.get(groupId) : undefined;
    if (!pending) return ErrorCode.INVALID_TXN_STATE;
    for (const o of offsets) pending.set(key(o.topic, o.partition), o);
    return ErrorCode.NONE;
  }

  end(identity: ProducerIdentity, committed: boolean): number {
    const found = this.current(identity);
    if (typeof found === 'number') return found;
    if (found.state === 'Ongoing') {
      this.finish(found, committed);
      return ErrorCode.NONE;
    }
    // A retried EndTxn whose first attempt succeeded gets the same answer again.
    if (found.state === (committed ? 'CompleteCommit' : 'CompleteAbort')) return ErrorCode.NONE;
    return ErrorCode.INVALID_TXN_STATE;
  }

  /** May this producer write a transactional batch to the partition? (Kafka's KIP-890 verification.) */
  verifyWrite(identity: ProducerIdentity, topic: string, partition: number): number {
    const found = this.current(identity);
    if (typeof found === 'number') return found;
    if (found.state !== 'Ongoing' || !found.partitions.has(key(topic, partition))) return ErrorCode.INVALID_TXN_STATE;
    return ErrorCode.NONE;
  }

  close(): void {
    for (const producer of this.producers.values()) this.timers.clearTimeout(producer.timer);
  }

  private current(identity: ProducerIdentity): TransactionalProducer | number {
    if (identity.transactionalId === '') return ErrorCode.INVALID_REQUEST;
    const producer = this.producers.get(identity.transactionalId);
    if (!producer || producer.producerId !== identity.producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if (producer.epoch !== identity.producerEpoch) return ErrorCode.PRODUCER_FENCED;
    return producer;
  }

  /** A timed-out transaction is aborted with a bumped epoch, so its producer is fenced too. */
  private expire(transactionalId: string, producer: TransactionalProducer): void {
    if (producer.state !== 'Ongoing') return;
    producer.epoch += 1;
    this.finish(producer, false);
    this.environment.aborted(transactionalId, 'timed out');
  }

  private finish(producer: TransactionalProducer, committed: boolean): void {
    this.timers.clearTimeout(producer.timer);
    producer.timer = undefined;
    for (const target of producer.partitions.values()) {
      this.environment.writeMarker(target, producer.producerId, producer.epoch, committed);
    }
    if (committed) {
      for (const [groupId, offsets] of producer.offsets) this.environment.commitOffsets(groupId, [...offsets.values()]);
    }
    producer.partitions.clear();
    producer.offsets.clear();
    producer.state = committed ? 'CompleteCommit' : 'CompleteAbort';
  }
}
