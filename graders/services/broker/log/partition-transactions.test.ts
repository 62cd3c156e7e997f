import { describe, expect, it } from 'vitest';
import { PartitionTransactions } from './partition-transactions.ts';

describe('PartitionTransactions', () => {
  it('holds the last stable offset at the oldest open transaction of any producer', () => {
    const transactions = new PartitionTransactions();
    expect(transactions.lastStableOffset(10)).toBe(10);
    transactions.noteTransactionalAppend(1, 4);
    transactions.noteTransactionalAppend(2, 6);
    transactions.noteTransactionalAppend(1, 7);
    expect(transactions.lastStableOffset(10)).toBe(4);
    transactions.complete(1, 10, true);
    expect(transactions.lastStableOffset(11)).toBe(6);
    transactions.complete(2, 11, false);
    expect(transactions.lastStableOffset(12)).toBe(12);
  });

  it('lists the aborted transactions that overlap a fetched range, and forgets those before the log start', () => {
    const transactions = new PartitionTransactions();
    // Markers are appended in offset order, as in a log.
    for (const [producerId, first, marker] of [[1, 0, 2], [3, 5, 6], [2, 3, 8], [1, 9, 10]] as const) {
      transactions.noteTransactionalAppend(producerId, first);
      transactions.complete(producerId, marker, false);
    }
    const ids = (from: number, to: number) => transactions.abortedBetween(from, to).map((t) => t.producerId);
    expect(ids(0, 11)).toEqual([1, 3, 2, 1]);
    expect(ids(3, 5)).toEqual([2]);
    expect(ids(7, 9)).toEqual([2]);
    expect(ids(11, 11)).toEqual([]);
    transactions.forgetBefore(7);
    expect(ids(0, 11)).toEqual([2, 1]);
  });

  it('holds the last stable offset at the log start when an open transaction began before it', () => {
    const transactions = new PartitionTransactions();
    transactions.noteTransactionalAppend(1, 2);
    transactions.forgetBefore(5);
    expect(transactions.lastStableOffset(9)).toBe(5);
    transactions.complete(1, 9, false);
    expect(transactions.abortedBetween(5, 10)).toEqual([{ producerId: 1, firstOffset: 5 }]);
  });
});
