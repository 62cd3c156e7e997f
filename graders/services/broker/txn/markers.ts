import type { TopicStore } from '../log/topic-store.ts';
import { encodeTransactionMarker } from '../records/control-batch.ts';
import { readBatchHeader } from '../records/record-batch.ts';
import type { TopicPartition } from './transaction-coordinator.ts';

/**
 * Appends a commit or abort marker to one partition (what Kafka's WriteTxnMarkers does on
 * the partition leader): the producer's open transaction there closes, an abort enters the
 * aborted-transaction index, and the marker's epoch fences any older epoch of the producer.
 */
export function writeTransactionMarker(
  topics: TopicStore,
  target: TopicPartition,
  producerId: number,
  producerEpoch: number,
  committed: boolean,
): void {
  const partition = topics.partition(target.topic, target.partition);
  if (!partition) return;
  const marker = encodeTransactionMarker(producerId, producerEpoch, committed, Date.now());
  partition.producers.fence(producerId, producerEpoch);
  partition.transactions.complete(producerId, partition.log.logEndOffset, committed);
  partition.log.append(marker, readBatchHeader(marker));
}
