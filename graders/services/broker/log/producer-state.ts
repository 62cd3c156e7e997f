import { ErrorCode } from '../protocol/error-codes.ts';

/** What Kafka keeps per producer id and partition to recognise a retried batch. */
interface ProducerEntry {
  epoch: number;
  lastSequence: number;
  /** The last five batches, as Kafka keeps them (max.in.flight.requests ≤ 5 for idempotence). */
  recent: { firstSequence: number; lastSequence: number; baseOffset: number }[];
}

export type SequenceCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; baseOffset: number }
  | { kind: 'reject'; errorCode: number; message: string };

const remembered = 5;

/**
 * Per-partition sequence checks for idempotent producers: the next batch must continue the
 * sequence, a batch seen among the last five is a retry and is answered with its original
 * offset instead of being appended again, and an older epoch is fenced.
 */
export class ProducerStates {
  private readonly entries = new Map<number, ProducerEntry>();

  check(producerId: number, epoch: number, firstSequence: number, recordCount: number): SequenceCheck {
    if (producerId < 0) return { kind: 'append' };
    const lastSequence = firstSequence + recordCount - 1;
    const entry = this.entries.get(producerId);
    if (!entry || epoch > entry.epoch) {
      if (firstSequence === 0) return { kind: 'append' };
      return {
        kind: 'reject',
        errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
        message: `producer ${producerId} epoch ${epoch} must start at sequence 0, not ${firstSequence}`,
      };
    }
    if (epoch < entry.epoch) {
      return {
        kind: 'reject',
        errorCode: ErrorCode.INVALID_PRODUCER_EPOCH,
        message: `producer ${producerId} epoch ${epoch} is older than ${entry.epoch}`,
      };
    }
    const seen = entry.recent.find((b) => b.firstSequence === firstSequence && b.lastSequence === lastSequence);
    if (seen) return { kind: 'duplicate', baseOffset: seen.baseOffset };
    if (firstSequence !== entry.lastSequence + 1) {
      return {
        kind: 'reject',
        errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
        message: `producer ${producerId} sent sequence ${firstSequence}, expected ${entry.lastSequence + 1}`,
      };
    }
    return { kind: 'append' };
  }

  /** A transaction marker with a newer epoch fences the older one; sequences restart from 0. */
  fence(producerId: number, epoch: number): void {
    const entry = this.entries.get(producerId);
    if (!entry || epoch > entry.epoch) this.entries.set(producerId, { epoch, lastSequence: -1, recent: [] });
  }

  record(producerId: number, epoch: number, firstSequence: number, recordCount: number, baseOffset: number): void {
    if (producerId < 0) return;
    const lastSequence = firstSequence + recordCount - 1;
    let entry = this.entries.get(producerId);
    if (!entry || epoch > entry.epoch) {
      entry = { epoch, lastSequence: -1, recent: [] };
      this.entries.set(producerId, entry);
    }
    entry.lastSequence = lastSequence;
    entry.recent.push({ firstSequence, lastSequence, baseOffset });
    if (entry.recent.length > remembered) entry.recent.shift();
  }
}
