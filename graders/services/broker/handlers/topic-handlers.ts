import type { BrokerState } from '../broker-state.ts';
import { topicConfigProblem } from '../log/topic-configs.ts';
import { topicNameProblem } from '../log/topic-store.ts';
import { createTopicsApi, type CreateTopicSpec } from '../protocol/create-topics.ts';
import { deleteTopicsApi } from '../protocol/delete-topics.ts';
import { ErrorCode } from '../protocol/error-codes.ts';
import { metadataApi, type MetadataResponse } from '../protocol/metadata.ts';
import { handler } from './handler.ts';

/** A sanity bound, not Kafka's: a fuzzed CreateTopics must not allocate millions of logs. */
export const maxPartitions = 10_000;

export const metadataHandler = handler(metadataApi, (state, request) => {
  const names = request.topics ?? state.topics.names();
  const topics: MetadataResponse['topics'] = names.map((name) => {
    let topic = state.topics.get(name);
    if (!topic) {
      if (topicNameProblem(name)) return { errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION, name, partitions: [] };
      if (!(request.allowAutoTopicCreation && state.settings.autoCreateTopics)) {
        return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, name, partitions: [] };
      }
      topic = state.topics.create(name, state.settings.defaultPartitions);
    }
    return {
      errorCode: ErrorCode.NONE,
      name,
      partitions: topic.partitions.map((_, index) => ({
        errorCode: ErrorCode.NONE,
        index,
        leader: state.nodeId,
        replicas: [state.nodeId],
        isr: [state.nodeId],
      })),
    };
  });
  return {
    brokers: [{ nodeId: state.nodeId, host: state.host, port: state.port }],
    clusterId: state.clusterId,
    controllerId: state.nodeId,
    topics,
  };
});

export const createTopicsHandler = handler(createTopicsApi, (state, request) => {
  const counts = new Map<string, number>();
  for (const t of request.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  return {
    topics: request.topics.map((spec) => {
      if (counts.get(spec.name)! > 1) {
        return { name: spec.name, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Create topic request contains "${spec.name}" more than once.` };
      }
      const problem = createProblem(state, spec);
      if (problem) return { name: spec.name, ...problem };
      if (!request.validateOnly) {
        const partitions = spec.assignments.length > 0 ? spec.assignments.length : spec.numPartitions === -1 ? state.settings.defaultPartitions : spec.numPartitions;
        state.topics.create(spec.name, partitions, new Map(spec.configs.map((c) => [c.name, c.value])));
      }
      return { name: spec.name, errorCode: ErrorCode.NONE, errorMessage: null };
    }),
  };
});

function createProblem(state: BrokerState, spec: CreateTopicSpec): { errorCode: number; errorMessage: string } | undefined {
  const nameProblem = topicNameProblem(spec.name);
  if (nameProblem) return { errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION, errorMessage: nameProblem };
  if (state.topics.get(spec.name)) return { errorCode: ErrorCode.TOPIC_ALREADY_EXISTS, errorMessage: `Topic '${spec.name}' already exists.` };
  if (spec.assignments.length > 0) {
    if (spec.numPartitions !== -1 || spec.replicationFactor !== -1) {
      return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'Both numPartitions or replicationFactor and replicasAssignment were set.' };
    }
    const indexes = spec.assignments.map((a) => a.partition).sort((a, b) => a - b);
    const broken = indexes.some((p, i) => p !== i) || spec.assignments.some((a) => a.brokerIds.length !== 1 || a.brokerIds[0] !== state.nodeId);
    if (broken) {
      return { errorCode: ErrorCode.INVALID_REPLICA_ASSIGNMENT, errorMessage: `Partitions must be numbered from 0 and each assigned to broker ${state.nodeId} alone.` };
    }
  }
  if (spec.numPartitions === 0 || spec.numPartitions < -1) {
    return { errorCode: ErrorCode.INVALID_PARTITIONS, errorMessage: 'Number of partitions must be larger than 0.' };
  }
  if (spec.numPartitions > maxPartitions || spec.assignments.length > maxPartitions) {
    return { errorCode: ErrorCode.INVALID_PARTITIONS, errorMessage: `This broker allows at most ${maxPartitions} partitions per topic.` };
  }
  if (spec.replicationFactor === 0 || spec.replicationFactor < -1) {
    return { errorCode: ErrorCode.INVALID_REPLICATION_FACTOR, errorMessage: 'Replication factor must be larger than 0.' };
  }
  if (spec.replicationFactor > 1) {
    return { errorCode: ErrorCode.INVALID_REPLICATION_FACTOR, errorMessage: `Replication factor: ${spec.replicationFactor} larger than available brokers: 1.` };
  }
  for (const config of spec.configs) {
    const problem = topicConfigProblem(config.name, config.value);
    if (problem) return { errorCode: ErrorCode.INVALID_CONFIG, errorMessage: problem };
  }
  return undefined;
}

export const deleteTopicsHandler = handler(deleteTopicsApi, (state, request) => ({
  topics: request.names.map((name) => {
    if (!state.topics.delete(name)) return { name, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
    state.coordinator.forgetTopic(name);
    return { name, errorCode: ErrorCode.NONE };
  }),
}));
