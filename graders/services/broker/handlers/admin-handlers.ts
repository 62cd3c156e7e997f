import { cleanupPolicies } from '../log/topic-configs.ts';
import { createPartitionsApi } from '../protocol/create-partitions.ts';
import { deleteGroupsApi } from '../protocol/delete-groups.ts';
import { deleteRecordsApi } from '../protocol/delete-records.ts';
import { ErrorCode } from '../protocol/error-codes.ts';
import { handler } from './handler.ts';
import { maxPartitions } from './topic-handlers.ts';

export const createPartitionsHandler = handler(createPartitionsApi, (state, request) => {
  const counts = new Map<string, number>();
  for (const t of request.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  return {
    results: request.topics.map(({ name, count, assignments }) => {
      const fail = (errorCode: number, errorMessage: string) => ({ name, errorCode, errorMessage });
      if (counts.get(name)! > 1) return fail(ErrorCode.INVALID_REQUEST, `Create partitions request contains "${name}" more than once.`);
      const topic = state.topics.get(name);
      if (!topic) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `The topic '${name}' does not exist.`);
      const current = topic.partitions.length;
      if (count < current) return fail(ErrorCode.INVALID_PARTITIONS, `Topic currently has ${current} partitions, which is higher than the requested ${count}.`);
      if (count === current) return fail(ErrorCode.INVALID_PARTITIONS, `Topic already has ${current} partitions.`);
      if (count > maxPartitions) return fail(ErrorCode.INVALID_PARTITIONS, `This broker allows at most ${maxPartitions} partitions per topic.`);
      if (assignments !== null) {
        const fits = assignments.length === count - current && assignments.every((ids) => ids.length === 1 && ids[0] === state.nodeId);
        if (!fits) return fail(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Give one assignment per new partition (${count - current}), each to broker ${state.nodeId} alone.`);
      }
      if (!request.validateOnly) state.topics.addPartitions(topic, count);
      return { name, errorCode: ErrorCode.NONE, errorMessage: null };
    }),
  };
});

/** Offset -1 in DeleteRecords means "up to the high watermark". */
const highWatermark = -1;

export const deleteRecordsHandler = handler(deleteRecordsApi, (state, request) => ({
  topics: request.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map(({ index, offset }) => {
      const fail = (errorCode: number) => ({ index, lowWatermark: -1, errorCode });
      const topic = state.topics.get(t.name);
      const partition = topic?.partitions[index];
      if (!topic || !partition) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
      // Kafka keeps a compacted topic's records for compaction to decide, never for DeleteRecords.
      if (!cleanupPolicies(topic.configs).delete) return fail(ErrorCode.POLICY_VIOLATION);
      const { log } = partition;
      const target = offset === highWatermark ? log.highWatermark : offset;
      if (target < 0 || target > log.highWatermark) return fail(ErrorCode.OFFSET_OUT_OF_RANGE);
      log.advanceStart(target);
      partition.transactions.forgetBefore(log.logStartOffset);
      return { index, lowWatermark: log.logStartOffset, errorCode: ErrorCode.NONE };
    }),
  })),
}));

export const deleteGroupsHandler = handler(deleteGroupsApi, (state, request) => ({
  results: request.groupIds.map((groupId) => ({ groupId, errorCode: state.coordinator.deleteGroup(groupId) })),
}));
