/*
 * OffsetCommit (key 8), versions 2-5.
 *   Request  => group_id STRING, generation_id INT32, member_id STRING,
 *               retention_time_ms INT64 (v2-4), [topics]
 *     topics => name STRING, [partitions]
 *       partitions => index INT32, committed_offset INT64, committed_metadata NULLABLE_STRING
 *   Response => throttle_time_ms INT32 (v3+), [topics]
 *     topics => name STRING, [partitions] (index INT32, error_code INT16)
 */
import { defineApi } from './api.ts';

export interface OffsetCommitRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  topics: { name: string; partitions: { index: number; offset: number; metadata: string | null }[] }[];
}

export interface OffsetCommitResponse {
  topics: { name: string; partitions: { index: number; errorCode: number }[] }[];
}

export const offsetCommitApi = defineApi<OffsetCommitRequest, OffsetCommitResponse>({
  key: 8,
  name: 'OffsetCommit',
  minVersion: 2,
  maxVersion: 5,
  decodeRequest(r, version) {
    const groupId = r.string();
    const generationId = r.int32();
    const memberId = r.string();
    if (version <= 4) r.int64();
    const topics = r.array((r) => ({
      name: r.string(),
      partitions: r.array((r) => ({ index: r.int32(), offset: r.int64(), metadata: r.nullableString() })),
    }));
    return { groupId, generationId, memberId, topics };
  },
  encodeResponse(w, version, response) {
    if (version >= 3) w.int32(0);
    w.array(response.topics, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => w.int32(p.index).int16(p.errorCode));
    });
  },
});
