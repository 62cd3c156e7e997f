/*
 * LeaveGroup (key 13), versions 1-3.
 *   Request v1-2 => group_id STRING, member_id STRING
 *   Request v3   => group_id STRING, [members] (member_id STRING, group_instance_id NULLABLE_STRING)
 *   Response     => throttle_time_ms INT32, error_code INT16,
 *                   [members] (v3+: member_id STRING, group_instance_id NULLABLE_STRING, error_code INT16)
 */
import { defineApi } from './api.ts';

export interface LeaveGroupRequest {
  groupId: string;
  memberIds: string[];
}

export interface LeaveGroupResponse {
  errorCode: number;
  members: { memberId: string; errorCode: number }[];
}

export const leaveGroupApi = defineApi<LeaveGroupRequest, LeaveGroupResponse>({
  key: 13,
  name: 'LeaveGroup',
  minVersion: 1,
  maxVersion: 3,
  decodeRequest(r, version) {
    const groupId = r.string();
    if (version < 3) return { groupId, memberIds: [r.string()] };
    const memberIds = r.array((r) => {
      const memberId = r.string();
      r.nullableString();
      return memberId;
    });
    return { groupId, memberIds };
  },
  encodeResponse(w, version, response) {
    // Before v3 one member left per request, so its error is the response's error.
    const errorCode = version >= 3 ? response.errorCode : (response.members[0]?.errorCode ?? response.errorCode);
    w.int32(0).int16(errorCode);
    if (version >= 3) {
      w.array(response.members, (w, m) => w.string(m.memberId).nullableString(null).int16(m.errorCode));
    }
  },
});
