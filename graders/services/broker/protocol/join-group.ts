/*
 * JoinGroup (key 11), versions 2-5.
 *   Request  => group_id STRING, session_timeout_ms INT32, rebalance_timeout_ms INT32,
 *               member_id STRING, group_instance_id NULLABLE_STRING (v5+),
 *               protocol_type STRING, [protocols] (name STRING, metadata BYTES)
 *   Response => throttle_time_ms INT32, error_code INT16, generation_id INT32,
 *               protocol_name STRING, leader STRING, member_id STRING, [members]
 *     members => member_id STRING, group_instance_id NULLABLE_STRING (v5+), metadata BYTES
 * From v4 a join without a member id is answered MEMBER_ID_REQUIRED with an id to rejoin with.
 */
import { defineApi } from './api.ts';

export interface JoinGroupRequest {
  groupId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string;
  protocols: { name: string; metadata: Buffer }[];
}

export interface JoinGroupResponse {
  errorCode: number;
  generationId: number;
  protocolName: string;
  leader: string;
  memberId: string;
  members: { memberId: string; metadata: Buffer }[];
}

export const joinGroupApi = defineApi<JoinGroupRequest, JoinGroupResponse>({
  key: 11,
  name: 'JoinGroup',
  minVersion: 2,
  maxVersion: 5,
  decodeRequest(r, version) {
    return {
      groupId: r.string(),
      sessionTimeoutMs: r.int32(),
      rebalanceTimeoutMs: r.int32(),
      memberId: r.string(),
      groupInstanceId: version >= 5 ? r.nullableString() : null,
      protocolType: r.string(),
      // Copied: the member keeps its metadata after the request frame is gone.
      protocols: r.array((r) => ({ name: r.string(), metadata: Buffer.from(r.bytes()) })),
    };
  },
  encodeResponse(w, version, response) {
    w.int32(0).int16(response.errorCode).int32(response.generationId);
    w.string(response.protocolName).string(response.leader).string(response.memberId);
    w.array(response.members, (w, m) => {
      w.string(m.memberId);
      if (version >= 5) w.nullableString(null);
      w.bytes(m.metadata);
    });
  },
});
