/*
 * OffsetFetch (key 9), versions 1-4.
 *   Request  => group_id STRING, [topics] (nullable from v2: every committed partition)
 *     topics => name STRING, [partition_indexes INT32]
 *   Response => throttle_time_ms INT32 (v3+), [topics], error_code INT16 (v2+)
 *     topics => name STRING, [partitions]
 *       partitions => index INT32, committed_offset INT64 (-1: none),
 *                     metadata NULLABLE_STRING, error_code INT16
 */
import { defineApi } from './api.ts';

export interface OffsetFetchRequest {
  groupId: string;
  topics: { name: string; partitions: number[] }[] | null;
}

export interface OffsetFetchResponse {
  errorCode: number;
  topics: {
    name: string;
    partitions: { index: number; offset: number; metadata: string | null; errorCode: number }[];
  }[];
}

export const offsetFetchApi = defineApi<OffsetFetchRequest, OffsetFetchResponse>({
  key: 9,
  name: 'OffsetFetch',
  minVersion: 1,
  maxVersion: 4,
  decodeRequest(r) {
    const groupId = r.string();
    const topics = r.nullableArray((r) => ({ name: r.string(), partitions: r.array((r) => r.int32()) }));
    return { groupId, topics };
  },
  encodeResponse(w, version, response) {
    if (version >= 3) w.int32(0);
    w.array(response.topics, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => w.int32(p.index).int64(p.offset).nullableString(p.metadata).int16(p.errorCode));
    });
    if (version >= 2) w.int16(response.errorCode);
  },
});
