/*
 * CreateTopics (key 19), versions 1-3.
 *   Request  => [topics] timeout_ms INT32, validate_only BOOLEAN
 *     topics => name STRING, num_partitions INT32, replication_factor INT16,
 *               [assignments] (partition INT32, [broker_ids INT32]),
 *               [configs] (name STRING, value NULLABLE_STRING)
 *   Response => throttle_time_ms INT32 (v2+), [topics]
 *     topics => name STRING, error_code INT16, error_message NULLABLE_STRING
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
  minVersion: 1,
  maxVersion: 3,
  decodeRequest(r) {
    const topics = r.array((r) => ({
      name: r.string(),
      numPartitions: r.int32(),
      replicationFactor: r.int16(),
      assignments: r.array((r) => ({ partition: r.int32(), brokerIds: r.array((r) => r.int32()) })),
      configs: r.array((r) => ({ name: r.string(), value: r.nullableString() })),
    }));
    return { topics, timeoutMs: r.int32(), validateOnly: r.boolean() };
  },
  encodeResponse(w, version, response) {
    if (version >= 2) w.int32(0);
    w.array(response.topics, (w, t) => w.string(t.name).int16(t.errorCode).nullableString(t.errorMessage));
  },
});
