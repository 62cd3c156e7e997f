/*
 * SyncGroup (key 14), versions 1-3.
 *   Request  => group_id STRING, generation_id INT32, member_id STRING,
 *               group_instance_id NULLABLE_STRING (v3+), [assignments]
 *     assignments => member_id STRING, assignment BYTES (sent by the leader only)
 *   Response => throttle_time_ms INT32, error_code INT16, assignment BYTES
 */
import { defineApi } from './api.ts';

export interface SyncGroupRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  assignments: { memberId: string; assignment: Buffer }[];
}

export interface SyncGroupResponse {
  errorCode: number;
  assignment: Buffer;
}

export const syncGroupApi = defineApi<SyncGroupRequest, SyncGroupResponse>({
  key: 14,
  name: 'SyncGroup',
  minVersion: 1,
  maxVersion: 3,
  decodeRequest(r, version) {
    const groupId = r.string();
    const generationId = r.int32();
    const memberId = r.string();
    if (version >= 3) r.nullableString();
    const assignments = r.array((r) => ({ memberId: r.string(), assignment: Buffer.from(r.bytes()) }));
    return { groupId, generationId, memberId, assignments };
  },
  encodeResponse(w, _version, response) {
    w.int32(0).int16(response.errorCode).bytes(response.assignment);
  },
});
