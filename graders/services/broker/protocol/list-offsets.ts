/*
 * ListOffsets (key 2), versions 1-3.
 *   Request  => replica_id INT32, isolation_level INT8 (v2+), [topics]
 *     topics => name STRING, [partitions]
 *       partitions => index INT32, timestamp INT64 (-1 latest, -2 earliest, else a time)
 *   Response => throttle_time_ms INT32 (v2+), [topics]
 *     topics => name STRING, [partitions]
 *       partitions => index INT32, error_code INT16, timestamp INT64, offset INT64
 */
import { defineApi } from './api.ts';

export interface ListOffsetsRequest {
  /** 0 read_uncommitted, 1 read_committed (v2+; v1 is read_uncommitted). */
  isolationLevel: number;
  topics: { name: string; partitions: { index: number; timestamp: number }[] }[];
}

export interface ListOffsetsResponse {
  topics: {
    name: string;
    partitions: { index: number; errorCode: number; timestamp: number; offset: number }[];
  }[];
}

export const listOffsetsApi = defineApi<ListOffsetsRequest, ListOffsetsResponse>({
  key: 2,
  name: 'ListOffsets',
  minVersion: 1,
  maxVersion: 3,
  decodeRequest(r, version) {
    r.int32();
    const isolationLevel = version >= 2 ? r.int8() : 0;
    return {
      isolationLevel,
      topics: r.array((r) => ({
        name: r.string(),
        partitions: r.array((r) => ({ index: r.int32(), timestamp: r.int64() })),
      })),
    };
  },
  encodeResponse(w, version, response) {
    if (version >= 2) w.int32(0);
    w.array(response.topics, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => w.int32(p.index).int16(p.errorCode).int64(p.timestamp).int64(p.offset));
    });
  },
});
