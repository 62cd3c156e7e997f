/*
 * DeleteTopics (key 20), versions 0-1.
 *   Request  => [topic_names STRING] timeout_ms INT32
 *   Response => throttle_time_ms INT32 (v1+), [responses]
 *     responses => name STRING, error_code INT16
 */
import { defineApi } from './api.ts';

export interface DeleteTopicsRequest {
  names: string[];
}

export interface DeleteTopicsResponse {
  topics: { name: string; errorCode: number }[];
}

export const deleteTopicsApi = defineApi<DeleteTopicsRequest, DeleteTopicsResponse>({
  key: 20,
  name: 'DeleteTopics',
  minVersion: 0,
  maxVersion: 1,
  decodeRequest(r) {
    const names = r.array((r) => r.string());
    r.int32();
    return { names };
  },
  encodeResponse(w, version, response) {
    if (version >= 1) w.int32(0);
    w.array(response.topics, (w, t) => w.string(t.name).int16(t.errorCode));
  },
});
