/*
 * CreatePartitions (key 37), versions 0-1.
 *   Request  => [topics] timeout_ms INT32, validate_only BOOLEAN
 *     topics => name STRING, count INT32 (the new total), [assignments] (nullable:
 *               [broker_ids INT32] for each new partition)
 *   Response => throttle_time_ms INT32, [results]
 *     results => name STRING, error_code INT16, error_message NULLABLE_STRING
 * Version 1 is version 0 with throttling answered first.
 */
import { defineApi } from './api.ts';

export interface CreatePartitionsRequest {
  topics: { name: string; count: number; assignments: number[][] | null }[];
  validateOnly: boolean;
}

export interface CreatePartitionsResponse {
  results: { name: string; errorCode: number; errorMessage: string | null }[];
}

export const createPartitionsApi = defineApi<CreatePartitionsRequest, CreatePartitionsResponse>({
  key: 37,
  name: 'CreatePartitions',
  minVersion: 0,
  maxVersion: 1,
  decodeRequest(r) {
    const topics = r.array((r) => ({
      name: r.string(),
      count: r.int32(),
      assignments: r.nullableArray((r) => r.array((r) => r.int32())),
    }));
    r.int32();
    return { topics, validateOnly: r.boolean() };
  },
  encodeResponse(w, _version, response) {
    w.int32(0);
    w.array(response.results, (w, t) => w.string(t.name).int16(t.errorCode).nullableString(t.errorMessage));
  },
});
