import { encodeCompactedBatch } from '../records/compacted-batch.ts';
import { decodeRecords, readBatchHeader } from '../records/record-batch.ts';
import type { PartitionLog, StoredBatch } from './partition-log.ts';
import { cleanupPolicies, type TopicDefaults, topicConfig } from './topic-configs.ts';
import type { Partition, Topic, TopicStore } from './topic-store.ts';

/**
 * Kafka's log cleaner, run on the broker's clock whenever the broker's cleaner ticks (or a
 * test calls it): retention by time and by size for `cleanup.policy=delete`, compaction for
 * `cleanup.policy=compact`, both for `compact,delete`.
 */
export function cleanTopic(topic: Topic, now: number, defaults: Partial<TopicDefaults>): void {
  const policies = cleanupPolicies(topic.configs);
  const setting = (name: string) => Number(topicConfig(topic.configs, defaults, name));
  for (const partition of topic.partitions) {
    if (policies.delete) applyRetention(partition.log, now, setting('retention.ms'), setting('retention.bytes'));
    if (policies.compact) compact(partition.log, now, setting('delete.retention.ms'));
    partition.transactions.forgetBefore(partition.log.logStartOffset);
  }
}

/**
 * Deletes the oldest batches, as Kafka deletes segments, while the newest record in one is
 * older than `retentionMs`, and then while the log would still hold at least `retentionBytes`
 * without it. -1 switches either off. The log start offset moves to the first batch kept.
 */
export function applyRetention(log: PartitionLog, now: number, retentionMs: number, retentionBytes: number): void {
  const batches = log.storedBatches;
  let count = 0;
  if (retentionMs >= 0) while (count < batches.length && now - batches[count]!.maxTimestamp > retentionMs) count++;
  if (retentionBytes >= 0) {
    let size = log.sizeInBytes;
    for (let i = 0; i < count; i++) size -= batches[i]!.bytes.length;
    while (count < batches.length && size - batches[count]!.bytes.length >= retentionBytes) size -= batches[count++]!.bytes.length;
  }
  log.deleteOldest(count);
}

/** When each kept tombstone may go, by offset: set the first time the cleaner keeps it (KIP-534). */
const tombstoneDeadlines = new WeakMap<PartitionLog, Map<number, number>>();

/**
 * Keeps the latest record of every key; a tombstone (null value) that is the latest of its
 * key stays for `deleteRetentionMs` after the cleaner first keeps it, then goes too. Offsets
 * do not move: a rewritten batch keeps its base offset and last offset delta, so gaps appear.
 * Simplifications: the whole log is compacted, the newest batch included (Kafka leaves the
 * active segment alone); transactional batches and markers are left as they are; records
 * without a key are dropped.
 */
export function compact(log: PartitionLog, now: number, deleteRetentionMs: number): void {
  const decoded = log.storedBatches.map((batch) => {
    const header = readBatchHeader(batch.bytes);
    const eligible = !header.transactional && !header.control;
    return { batch, header, records: eligible ? decodeRecords(batch.bytes, header) : undefined };
  });
  const latest = new Map<string, number>();
  for (const { records } of decoded) for (const r of records ?? []) if (r.key !== null) latest.set(r.key.toString('latin1'), r.offset);
  const deadlines = tombstoneDeadlines.get(log) ?? new Map<number, number>();
  tombstoneDeadlines.set(log, deadlines);
  const keptDeadlines = new Map<number, number>();
  const isLatest = (r: { key: Buffer | null; offset: number }) => r.key !== null && latest.get(r.key.toString('latin1')) === r.offset;
  const kept: StoredBatch[] = [];
  for (const { batch, header, records } of decoded) {
    if (!records) {
      kept.push(batch);
      continue;
    }
    const survivors = records.filter((r) => {
      if (!isLatest(r)) return false;
      if (r.value !== null) return true;
      const deadline = deadlines.get(r.offset) ?? now + deleteRetentionMs;
      if (now > deadline) return false;
      keptDeadlines.set(r.offset, deadline);
      return true;
    });
    if (survivors.length === records.length) kept.push(batch);
    else if (survivors.length > 0) kept.push({ ...batch, bytes: encodeCompactedBatch(header, survivors) });
  }
  tombstoneDeadlines.set(log, keptDeadlines);
  log.replaceBatches(kept);
}

/** Sum of what the logs hold plus an estimate of the objects around each batch. */
export const perBatchOverheadBytes = 200;

export function heldMemory(store: TopicStore): number {
  return store.held.bytes + store.held.batches * perBatchOverheadBytes;
}

/**
 * The course broker's own guard, not a Kafka rule: while the logs together hold more than
 * `capBytes`, the oldest batches across all partitions go first, each partition's log start
 * moving as retention would move it.
 */
export function enforceMemoryCap(store: TopicStore, capBytes: number): void {
  if (heldMemory(store) <= capBytes) return;
  const partitions: Partition[] = store.all().flatMap((t) => t.partitions);
  while (heldMemory(store) > capBytes) {
    let oldest: Partition | undefined;
    let second = Infinity;
    for (const p of partitions) {
      const at = p.log.oldestTimestamp;
      if (at === undefined) continue;
      if (!oldest || at < oldest.log.oldestTimestamp!) {
        if (oldest) second = Math.min(second, oldest.log.oldestTimestamp!);
        oldest = p;
      } else second = Math.min(second, at);
    }
    if (!oldest) return;
    // Delete a run from the oldest partition: up to where another partition holds older data.
    const batches = oldest.log.storedBatches;
    let count = 0;
    let over = heldMemory(store) - capBytes;
    while (count < batches.length && over > 0 && (count === 0 || batches[count]!.maxTimestamp <= second)) {
      over -= batches[count]!.bytes.length + perBatchOverheadBytes;
      count++;
    }
    oldest.log.deleteOldest(count);
    oldest.transactions.forgetBefore(oldest.log.logStartOffset);
  }
}
