/*
 * DeleteRecords (key 21), versions 0-1.
 *   Request  => [topics] timeout_ms INT32
 *     topics => name STRING, [partitions] (index INT32, offset INT64; -1 means the high watermark)
 *   Response => throttle_time_ms INT32, [topics]
 *     topics => name STRING, [partitions] (index INT32, low_watermark INT64, error_code INT16)
 * Version 1 is version 0 with throttling answered first.
 */
import { defineApi } from './api.ts';

export interface DeleteRecordsRequest {
  topics: { name: string; partitions: { index: number; offset: number }[] }[];
}

export interface DeleteRecordsResponse {
  topics: { name: string; partitions: { index: number; lowWatermark: number; errorCode: number }[] }[];
}

export const deleteRecordsApi = defineApi<DeleteRecordsRequest, DeleteRecordsResponse>({
  key: 21,
  name: 'DeleteRecords',
  minVersion: 0,
  maxVersion: 1,
  decodeRequest(r) {
    const topics = r.array((r) => ({ name: r.string(), partitions: r.array((r) => ({ index: r.int32(), offset: r.int64() })) }));
    r.int32();
    return { topics };
  },
  encodeResponse(w, _version, response) {
    w.int32(0);
    w.array(response.topics, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => w.int32(p.index).int64(p.lowWatermark).int16(p.errorCode));
    });
  },
});
