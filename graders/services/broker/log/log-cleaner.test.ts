import { describe, expect, it } from 'vitest';
import { crc32c } from '../records/crc32c.ts';
import { decodeRecords, encodeBatch, type NewRecord, readBatchHeader } from '../records/record-batch.ts';
import { compact, enforceMemoryCap, heldMemory } from './log-cleaner.ts';
import type { PartitionLog } from './partition-log.ts';
import { TopicStore } from './topic-store.ts';

/**
 * The cleaner on logs built by hand: exact offsets, sizes and the broker-wide memory cap,
 * without a client. retention.test.ts shows the same through kafkajs.
 */
const text = (s: string | null) => (s === null ? null : Buffer.from(s));

function append(log: PartitionLog, records: NewRecord[], transactional = false): void {
  const batch = encodeBatch(records, transactional ? { producerId: 7, producerEpoch: 0, baseSequence: 0 } : {});
  if (transactional) {
    batch.writeInt16BE(batch.readInt16BE(21) | 0x10, 21);
    batch.writeUInt32BE(crc32c(batch, 21), 17);
  }
  log.append(batch, readBatchHeader(batch));
}

function contents(log: PartitionLog): [number, string | null, string | null][] {
  return log.storedBatches.flatMap((b) =>
    decodeRecords(b.bytes, readBatchHeader(b.bytes)).map((r): [number, string | null, string | null] => [r.offset, r.key?.toString() ?? null, r.value?.toString() ?? null]),
  );
}

describe('compaction', () => {
  it('drops records without a key and leaves transactional batches as they are', () => {
    const store = new TopicStore();
    const log = store.create('t', 1).partitions[0]!.log;
    append(log, [{ key: text('k'), value: text('1') }, { key: null, value: text('no key') }]);
    append(log, [{ key: text('k'), value: text('2') }], true);
    append(log, [{ key: text('k'), value: text('3') }]);
    compact(log, 0, 1000);
    // The first batch loses both records (k is newer later, the other has no key) and goes.
    expect(contents(log)).toEqual([[2, 'k', '2'], [3, 'k', '3']]);
    expect(log.logEndOffset).toBe(4);
    expect(store.held.bytes).toBe(log.sizeInBytes);
  });

  it('keeps a rewritten batch readable again by the next compaction, offsets and all', () => {
    const store = new TopicStore();
    const log = store.create('t', 1).partitions[0]!.log;
    append(log, ['a', 'b', 'a', 'c', 'b'].map((key, i) => ({ key: text(key), value: text(`${key}${i}`) })));
    compact(log, 0, 1000);
    expect(contents(log)).toEqual([[2, 'a', 'a2'], [3, 'c', 'c3'], [4, 'b', 'b4']]);
    append(log, [{ key: text('c'), value: text(null) }]);
    compact(log, 10, 1000);
    expect(contents(log)).toEqual([[2, 'a', 'a2'], [4, 'b', 'b4'], [5, 'c', null]]);
    compact(log, 1011, 1000);
    expect(contents(log)).toEqual([[2, 'a', 'a2'], [4, 'b', 'b4']]);
    expect(readBatchHeader(log.storedBatches[0]!.bytes)).toMatchObject({ baseOffset: 0, lastOffsetDelta: 4, recordCount: 2 });
  });
});

describe('the log memory cap', () => {
  it('deletes the oldest batches across partitions until the logs fit, moving each log start', () => {
    const store = new TopicStore();
    const [first, second] = store.create('t', 2).partitions.map((p) => p.log);
    for (let i = 0; i < 5; i++) {
      append(first!, [{ value: text(`first-${i}`), timestamp: 1000 + i * 10 }]);
      append(second!, [{ value: text(`second-${i}`), timestamp: 1005 + i * 10 }]);
    }
    const perBatch = heldMemory(store) / 10;
    enforceMemoryCap(store, Math.floor(perBatch * 6.5));
    // The four oldest batches go, alternating between the partitions by timestamp.
    expect([first!.logStartOffset, second!.logStartOffset]).toEqual([2, 2]);
    expect(heldMemory(store)).toBeLessThanOrEqual(perBatch * 6.5);
    store.delete('t');
    expect(store.held).toEqual({ bytes: 0, batches: 0 });
  });
});
