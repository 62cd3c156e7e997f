import { type BatchHeader, decodeRecords, readBatchHeader } from '../records/record-batch.ts';

/** One stored batch: the producer's bytes with base_offset rewritten to its place in the log. */
export interface StoredBatch {
  baseOffset: number;
  lastOffset: number;
  maxTimestamp: number;
  bytes: Buffer;
}

/** Told of every change in the bytes a log holds, so the store can keep a broker-wide total. */
export type SizeListener = (deltaBytes: number, deltaBatches: number) => void;

/**
 * The in-memory log of one partition. Single replica, so the high watermark is the log end
 * offset as soon as a batch is appended, and acks=all means the same as acks=1.
 * Retention and DeleteRecords remove whole batches from the front and move the log start
 * offset (a batch plays the part of a Kafka segment); compaction rewrites batches in place.
 */
export class PartitionLog {
  private batches: StoredBatch[] = [];
  logStartOffset = 0;
  logEndOffset = 0;
  sizeInBytes = 0;
  private readonly waiters = new Set<() => void>();
  private readonly sizeChanged: SizeListener;

  constructor(sizeChanged: SizeListener = () => {}) {
    this.sizeChanged = sizeChanged;
  }

  get highWatermark(): number {
    return this.logEndOffset;
  }

  /** Appends a validated batch; returns the base offset it was given. */
  append(bytes: Buffer, header: BatchHeader): number {
    const baseOffset = this.logEndOffset;
    const stored = Buffer.from(bytes);
    stored.writeBigInt64BE(BigInt(baseOffset), 0);
    // partition_leader_epoch: this broker is leader of every partition in epoch 0.
    stored.writeInt32BE(0, 12);
    this.batches.push({
      baseOffset,
      lastOffset: baseOffset + header.lastOffsetDelta,
      maxTimestamp: header.maxTimestamp,
      bytes: stored,
    });
    this.logEndOffset = baseOffset + header.lastOffsetDelta + 1;
    this.sizeInBytes += stored.length;
    this.sizeChanged(stored.length, 1);
    for (const wake of [...this.waiters]) wake();
    return baseOffset;
  }

  /**
   * Whole batches from the one holding `offset`, up to `maxBytes`, but at least one batch
   * when `atLeastOne` is set (KIP-74) so a batch larger than the limit cannot stall a consumer.
   * Clients skip the records of the first batch that lie before the offset they asked for.
   * Batches from `upTo` on are left out (read_committed stops at the last stable offset).
   */
  read(offset: number, maxBytes: number, atLeastOne: boolean, upTo = Infinity): Buffer[] {
    const out: Buffer[] = [];
    let size = 0;
    for (let i = this.indexOf(offset); i < this.batches.length; i++) {
      const batch = this.batches[i]!;
      if (batch.baseOffset >= upTo) break;
      if (size + batch.bytes.length > maxBytes && !(atLeastOne && out.length === 0)) break;
      out.push(batch.bytes);
      size += batch.bytes.length;
    }
    return out;
  }

  /** The first offset whose record timestamp is at or after `timestamp`, as ListOffsets defines it. */
  offsetForTimestamp(timestamp: number): { offset: number; timestamp: number } | undefined {
    for (const batch of this.batches) {
      if (batch.maxTimestamp < timestamp) continue;
      const records = decodeRecords(batch.bytes, readBatchHeader(batch.bytes));
      const found = records.find((record) => record.timestamp >= timestamp);
      if (found) return { offset: found.offset, timestamp: found.timestamp };
    }
    return undefined;
  }

  /** The stored batches, oldest first; the cleaner reads them and hands back a rewritten list. */
  get storedBatches(): readonly StoredBatch[] {
    return this.batches;
  }

  get oldestTimestamp(): number | undefined {
    return this.batches[0]?.maxTimestamp;
  }

  /**
   * Moves the log start offset up to `offset` (never down, never past the high watermark)
   * and drops the batches that end before it, as DeleteRecords and retention do. A batch
   * holding the new start stays whole: clients skip its records below the offset they asked for.
   */
  advanceStart(offset: number): void {
    const target = Math.min(Math.max(offset, this.logStartOffset), this.logEndOffset);
    this.logStartOffset = target;
    this.dropFront(this.indexOf(target));
  }

  /** Drops the oldest `count` batches; the log start moves to the first batch kept (or the end). */
  deleteOldest(count: number): void {
    if (count <= 0) return;
    const next = this.batches[count]?.baseOffset ?? this.logEndOffset;
    this.dropFront(count);
    this.logStartOffset = Math.max(this.logStartOffset, next);
  }

  /** Replaces the batches with a compacted list holding the same offsets minus removed records. */
  replaceBatches(batches: StoredBatch[]): void {
    const size = batches.reduce((sum, batch) => sum + batch.bytes.length, 0);
    this.sizeChanged(size - this.sizeInBytes, batches.length - this.batches.length);
    this.batches = batches;
    this.sizeInBytes = size;
  }

  private dropFront(count: number): void {
    if (count <= 0) return;
    const removed = this.batches.splice(0, count);
    const bytes = removed.reduce((sum, batch) => sum + batch.bytes.length, 0);
    this.sizeInBytes -= bytes;
    this.sizeChanged(-bytes, -removed.length);
  }

  /** Everything this log holds leaves the broker-wide total (the topic is being deleted). */
  release(): void {
    this.sizeChanged(-this.sizeInBytes, -this.batches.length);
  }

  /** Resolves on the next append; the returned function stops waiting. */
  onAppend(wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }

  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  private indexOf(offset: number): number {
    let low = 0;
    let high = this.batches.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.batches[middle]!.lastOffset < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
