/** An aborted transaction as the fetch response lists it, with the offset of its abort marker. */
export interface AbortedTransaction {
  producerId: number;
  firstOffset: number;
  lastOffset: number;
}

/**
 * What one partition knows of transactions: the first offset of each producer's open
 * transaction, which holds back the last stable offset (LSO), and the index of aborted
 * transactions that read_committed fetches return so that clients drop their records.
 * This is Kafka's producer-state `currentTxnFirstOffset` and its `.txnindex` file.
 */
export class PartitionTransactions {
  private readonly open = new Map<number, number>();
  private readonly aborted: AbortedTransaction[] = [];

  /** Notes a transactional batch at `baseOffset`; the first one opens the producer's transaction here. */
  noteTransactionalAppend(producerId: number, baseOffset: number): void {
    if (!this.open.has(producerId)) this.open.set(producerId, baseOffset);
  }

  isOpen(producerId: number): boolean {
    return this.open.has(producerId);
  }

  /** The commit or abort marker at `markerOffset` closes the producer's transaction. */
  complete(producerId: number, markerOffset: number, committed: boolean): void {
    const firstOffset = this.open.get(producerId);
    if (firstOffset === undefined) return;
    this.open.delete(producerId);
    if (!committed) this.aborted.push({ producerId, firstOffset, lastOffset: markerOffset });
  }

  /**
   * Forgets aborted transactions whose marker lies before `logStartOffset`: no fetch can
   * reach them any more (retention and DeleteRecords call it as the log start moves).
   */
  forgetBefore(logStartOffset: number): void {
    // An open transaction whose first records are gone holds the LSO at the log start, as in Kafka.
    for (const [producerId, firstOffset] of this.open) if (firstOffset < logStartOffset) this.open.set(producerId, logStartOffset);
    const firstKept = this.aborted.findIndex((txn) => txn.lastOffset >= logStartOffset);
    this.aborted.splice(0, firstKept === -1 ? this.aborted.length : firstKept);
  }

  /** Offsets below this are decided: the first offset of the oldest open transaction, or the high watermark. */
  lastStableOffset(highWatermark: number): number {
    let stable = highWatermark;
    for (const firstOffset of this.open.values()) stable = Math.min(stable, firstOffset);
    return stable;
  }

  /**
   * The aborted transactions a fetch of [fetchOffset, upperBound) must report: those ending
   * at or after the fetch offset and starting before the end of the data returned.
   */
  abortedBetween(fetchOffset: number, upperBound: number): { producerId: number; firstOffset: number }[] {
    // Entries are appended as their markers are, so they are sorted by lastOffset: skip the
    // ones that ended before the fetch offset by binary search instead of scanning them all.
    let low = 0;
    let high = this.aborted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.aborted[middle]!.lastOffset < fetchOffset) low = middle + 1;
      else high = middle;
    }
    return this.aborted
      .slice(low)
      .filter((txn) => txn.firstOffset < upperBound)
      .map(({ producerId, firstOffset }) => ({ producerId, firstOffset }));
  }
}
