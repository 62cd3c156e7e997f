/*
 * Heartbeat (key 12), versions 1-3.
 *   Request  => group_id STRING, generation_id INT32, member_id STRING,
 *               group_instance_id NULLABLE_STRING (v3+)
 *   Response => throttle_time_ms INT32, error_code INT16
 */
import { defineApi } from './api.ts';

export interface HeartbeatRequest {
  groupId: string;
  generationId: number;
  memberId: string;
}

export const heartbeatApi = defineApi<HeartbeatRequest, { errorCode: number }>({
  key: 12,
  name: 'Heartbeat',
  minVersion: 1,
  maxVersion: 3,
  decodeRequest(r, version) {
    const request = { groupId: r.string(), generationId: r.int32(), memberId: r.string() };
    if (version >= 3) r.nullableString();
    return request;
  },
  encodeResponse(w, _version, response) {
    w.int32(0).int16(response.errorCode);
  },
});
