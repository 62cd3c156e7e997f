/*
 * CreateTopics (key 19), versions 0-4.
 *   Request  => [topics] timeout_ms INT32, validate_only BOOLEAN (v1+)
 *     topics => name STRING, num_partitions INT32, replication_factor INT16,
 *               [assignments] (partition INT32, [broker_ids INT32]),
 *               [configs] (name STRING, value NULLABLE_STRING)
 *   Response => throttle_time_ms INT32 (v2+), [topics]
 *     topics => name STRING, error_code INT16, error_message NULLABLE_STRING (v1+)
 * v4 adds no field: it lets num_partitions and replication_factor be -1 (the broker's
 * defaults) without an assignment (KIP-464). librdkafka asks for v4 before it sends a topic
 * without a replication factor, as Python's NewTopic('t', 3) does.
 */
import { defineApi } from './api.ts';

export interface CreateTopicSpec {
  name: string;
  numPartitions: number;
  replicationFactor: number;
  assignments: { partition: number; brokerIds: number[] }[];
  configs: { name: string; value: string | null }[];
}

export interface CreateTopicsRequest {
  topics: CreateTopicSpec[];
  timeoutMs: number;
  validateOnly: boolean;
}

export interface CreateTopicsResponse {
  topics: { name: string; errorCode: number; errorMessage: string | null }[];
}

export const createTopicsApi = defineApi<CreateTopicsRequest, CreateTopicsResponse>({
  key: 19,
  name: 'CreateTopics',
  minVersion: 0,
  maxVersion: 4,
  decodeRequest(r, version) {
    const topics = r.array((r) => ({
      name: r.string(),
      numPartitions: r.int32(),
      replicationFactor: r.int16(),
      assignments: r.array((r) => ({ partition: r.int32(), brokerIds: r.array((r) => r.int32()) })),
      configs: r.array((r) => ({ name: r.string(), value: r.nullableString() })),
    }));
    return { topics, timeoutMs: r.int32(), validateOnly: version >= 1 ? r.boolean() : false };
  },
  encodeResponse(w, version, response) {
    if (version >= 2) w.int32(0);
    w.array(response.topics, (w, t) => {
      w.string(t.name).int16(t.errorCode);
      if (version >= 1) w.nullableString(t.errorMessage);
    });
  },
});
