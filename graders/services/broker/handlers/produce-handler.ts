import type { BrokerState } from '../broker-state.ts';
import { ErrorCode } from '../protocol/error-codes.ts';
import { type ProducePartitionResult, type ProduceRequest, type ProduceResponse, produceApi } from '../protocol/produce.ts';
import { Compression } from '../records/compression.ts';
import { isLegacyMessageSet, upConvertMessageSet } from '../records/legacy-message-set.ts';
import { type BatchHeader, InvalidBatch, validateBatch } from '../records/record-batch.ts';
import { closeConnection, handler, noResponse, type Outcome } from './handler.ts';

const failed = (index: number, errorCode: number): ProducePartitionResult => ({ index, errorCode, baseOffset: -1, logStartOffset: -1 });

/**
 * Validates and appends one batch per partition. acks=1 and acks=all are the same here
 * (one replica); acks=0 gets no response, as in Kafka.
 */
export const produceHandler = handler(produceApi, (state, request, { version, signal }) => {
  const stalled = request.topics.find((t) => state.faults.holdFor(t.name));
  // Synchronous unless a hold is staged: a stalled broker answers only once released.
  return stalled ? produceWhenReleased(state, request, version, signal) : produce(state, request, version);
});

/** A staged stall: the request waits before anything is appended, as on a stuck disk. */
async function produceWhenReleased(state: BrokerState, request: ProduceRequest, version: number, signal: AbortSignal): Promise<Outcome<ProduceResponse>> {
  for (const t of request.topics) {
    const hold = state.faults.holdFor(t.name);
    if (!hold) continue;
    state.events.emit('produce-held', { topic: t.name });
    const closed = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    if (!signal.aborted) await Promise.race([hold, closed]);
    if (signal.aborted) return closeConnection;
  }
  return produce(state, request, version);
}

function produce(state: BrokerState, request: ProduceRequest, version: number): Outcome<ProduceResponse> {
  let dropResponse = false;
  const topics = request.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p): ProducePartitionResult => {
      if (request.acks !== 0 && request.acks !== 1 && request.acks !== -1) return failed(p.index, ErrorCode.INVALID_REQUIRED_ACKS);
      const rejection = state.faults.takeRejection(t.name);
      if (rejection !== undefined) {
        state.events.emit('produce-rejected', { topic: t.name, partition: p.index, errorCode: rejection });
        return failed(p.index, rejection);
      }
      const result = appendBatch(state, version, request.transactionalId, t.name, p.index, p.records);
      if (result.errorCode === ErrorCode.NONE && state.faults.takeDrop(t.name)) {
        dropResponse = true;
        state.events.emit('produce-response-dropped', { topic: t.name, partition: p.index, baseOffset: result.baseOffset });
      }
      return result;
    }),
  }));
  if (request.acks === 0) return noResponse;
  if (dropResponse) return closeConnection;
  return { topics };
}

function appendBatch(
  state: BrokerState,
  version: number,
  transactionalId: string | null,
  topic: string,
  index: number,
  produced: Buffer | null,
): ProducePartitionResult {
  const partition = state.topics.partition(topic, index);
  if (!partition) return failed(index, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  if (produced === null || produced.length === 0) return failed(index, ErrorCode.INVALID_RECORD);
  if (produced.length > state.settings.maxMessageBytes) return failed(index, ErrorCode.MESSAGE_TOO_LARGE);
  let header;
  let records = produced;
  try {
    // Before v3 a producer may send message format v0 or v1; the log keeps v2 only.
    if (version < 3 && isLegacyMessageSet(produced)) records = upConvertMessageSet(produced, state.settings.maxRequestBytes);
    ({ header } = validateBatch(records, state.settings.maxRequestBytes));
  } catch (error) {
    if (!(error instanceof InvalidBatch)) throw error;
    const code = { corrupt: ErrorCode.CORRUPT_MESSAGE, invalid: ErrorCode.INVALID_RECORD, compression: ErrorCode.UNSUPPORTED_COMPRESSION_TYPE }[error.kind];
    return failed(index, code);
  }
  // Kafka's rule (KIP-110): zstd only from Produce v7, so older clients cannot write what
  // their own fetches could not read.
  if (header.compression === Compression.zstd && version < 7) return failed(index, ErrorCode.UNSUPPORTED_COMPRESSION_TYPE);
  const check = partition.producers.check(header.producerId, header.producerEpoch, header.baseSequence, header.recordCount);
  if (check.kind === 'reject') return failed(index, check.errorCode);
  if (check.kind === 'duplicate') {
    return { index, errorCode: ErrorCode.NONE, baseOffset: check.baseOffset, logStartOffset: partition.log.logStartOffset };
  }
  const transactionError = transactionalWriteError(state, transactionalId, topic, index, header);
  if (transactionError !== ErrorCode.NONE) return failed(index, transactionError);
  const baseOffset = partition.log.append(records, header);
  if (header.transactional) partition.transactions.noteTransactionalAppend(header.producerId, baseOffset);
  partition.producers.record(header.producerId, header.producerEpoch, header.baseSequence, header.recordCount, baseOffset);
  return { index, errorCode: ErrorCode.NONE, baseOffset, logStartOffset: partition.log.logStartOffset };
}

/**
 * A transactional batch needs the request's transactional id and a partition added to that
 * producer's open transaction; a plain batch from a producer with a transaction open here is
 * refused, as Kafka refuses it.
 */
function transactionalWriteError(state: BrokerState, transactionalId: string | null, topic: string, index: number, header: BatchHeader): number {
  if (!header.transactional) {
    const open = header.producerId >= 0 && state.topics.partition(topic, index)!.transactions.isOpen(header.producerId);
    return open ? ErrorCode.INVALID_TXN_STATE : ErrorCode.NONE;
  }
  if (transactionalId === null) return ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
  const identity = { transactionalId, producerId: header.producerId, producerEpoch: header.producerEpoch };
  const errorCode = state.transactions.verifyWrite(identity, topic, index);
  return errorCode === ErrorCode.PRODUCER_FENCED ? ErrorCode.INVALID_PRODUCER_EPOCH : errorCode;
}
