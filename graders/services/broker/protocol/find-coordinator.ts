/*
 * FindCoordinator (key 10), versions 0-2.
 *   Request  => key STRING, key_type INT8 (v1+: 0 group, 1 transaction)
 *   Response => throttle_time_ms INT32 (v1+), error_code INT16, error_message NULLABLE_STRING (v1+),
 *               node_id INT32, host STRING, port INT32
 */
import { defineApi } from './api.ts';

export interface FindCoordinatorRequest {
  key: string;
  keyType: number;
}

export interface FindCoordinatorResponse {
  errorCode: number;
  errorMessage: string | null;
  nodeId: number;
  host: string;
  port: number;
}

export const findCoordinatorApi = defineApi<FindCoordinatorRequest, FindCoordinatorResponse>({
  key: 10,
  name: 'FindCoordinator',
  minVersion: 0,
  maxVersion: 2,
  decodeRequest(r, version) {
    const key = r.string();
    return { key, keyType: version >= 1 ? r.int8() : 0 };
  },
  encodeResponse(w, version, response) {
    if (version >= 1) w.int32(0);
    w.int16(response.errorCode);
    if (version >= 1) w.nullableString(response.errorMessage);
    w.int32(response.nodeId).string(response.host).int32(response.port);
  },
});
