import { addOffsetsToTxnApi } from '../protocol/add-offsets-to-txn.ts';
import { addPartitionsToTxnApi } from '../protocol/add-partitions-to-txn.ts';
import { endTxnApi } from '../protocol/end-txn.ts';
import { ErrorCode } from '../protocol/error-codes.ts';
import { findCoordinatorApi } from '../protocol/find-coordinator.ts';
import { initProducerIdApi } from '../protocol/init-producer-id.ts';
import { txnOffsetCommitApi } from '../protocol/txn-offset-commit.ts';
import { handler } from './handler.ts';

const coordinatorKeyTypes = { group: 0, transaction: 1 };
/** Kafka's offset.metadata.max.bytes default, as for OffsetCommit. */
const maxOffsetMetadataBytes = 4096;

/**
 * PRODUCER_FENCED exists from InitProducerId v4 and from v2 of the other transactional
 * APIs; older clients get INVALID_PRODUCER_EPOCH instead, exactly as Kafka answers them.
 */
function forVersion(errorCode: number, version: number, fencedFrom: number): number {
  return errorCode === ErrorCode.PRODUCER_FENCED && version < fencedFrom ? ErrorCode.INVALID_PRODUCER_EPOCH : errorCode;
}

export const findCoordinatorHandler = handler(findCoordinatorApi, (state, request) => {
  const known = request.keyType === coordinatorKeyTypes.group || request.keyType === coordinatorKeyTypes.transaction;
  if (!known || (request.keyType === coordinatorKeyTypes.transaction && request.key === '')) {
    const errorMessage = known ? 'A transactional id cannot be empty.' : `Unknown coordinator key type ${request.keyType}.`;
    return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage, nodeId: -1, host: '', port: -1 };
  }
  return { errorCode: ErrorCode.NONE, errorMessage: null, nodeId: state.nodeId, host: state.host, port: state.port };
});

export const initProducerIdHandler = handler(initProducerIdApi, (state, request, context) => {
  if (request.transactionalId === null) return { errorCode: ErrorCode.NONE, producerId: state.allocateProducerId(), producerEpoch: 0 };
  const result = state.transactions.initProducerId(request.transactionalId, request.transactionTimeoutMs);
  return { ...result, errorCode: forVersion(result.errorCode, context.version, 4) };
});

export const addPartitionsToTxnHandler = handler(addPartitionsToTxnApi, (state, request, context) => {
  const missing = request.topics.some((t) => t.partitions.some((p) => !state.topics.partition(t.name, p)));
  const errorCode = missing
    ? ErrorCode.OPERATION_NOT_ATTEMPTED
    : forVersion(
        state.transactions.add(request, request.topics.flatMap((t) => t.partitions.map((partition) => ({ topic: t.name, partition })))),
        context.version,
        2,
      );
  // One unknown partition fails the whole request: it gets UNKNOWN_TOPIC_OR_PARTITION, the rest OPERATION_NOT_ATTEMPTED.
  return {
    results: request.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((index) => ({
        index,
        errorCode: missing && !state.topics.partition(t.name, index) ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : errorCode,
      })),
    })),
  };
});

export const addOffsetsToTxnHandler = handler(addOffsetsToTxnApi, (state, request, context) => ({
  errorCode: request.groupId === '' ? ErrorCode.INVALID_GROUP_ID : forVersion(state.transactions.add(request, [], request.groupId), context.version, 2),
}));

export const endTxnHandler = handler(endTxnApi, (state, request, context) => ({
  errorCode: forVersion(state.transactions.end(request, request.committed), context.version, 2),
}));

export const txnOffsetCommitHandler = handler(txnOffsetCommitApi, (state, request) => {
  const valid = request.topics.flatMap((t) =>
    t.partitions
      .filter((p) => state.topics.partition(t.name, p.index) && Buffer.byteLength(p.metadata ?? '') <= maxOffsetMetadataBytes)
      .map((p) => ({ topic: t.name, partition: p.index, offset: p.offset, metadata: p.metadata ?? '' })),
  );
  // Kafka writes these offsets as a transactional batch, so a stale epoch fails as a produce would.
  const staged = forVersion(state.transactions.stageOffsets(request, request.groupId, valid), 0, Infinity);
  return {
    topics: request.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => {
        if (!state.topics.partition(t.name, p.index)) return { index: p.index, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
        if (Buffer.byteLength(p.metadata ?? '') > maxOffsetMetadataBytes) return { index: p.index, errorCode: ErrorCode.OFFSET_METADATA_TOO_LARGE };
        return { index: p.index, errorCode: staged };
      }),
    })),
  };
});
