/*
 * ApiVersions (key 18), versions 0-2.
 *   Request  => (empty)
 *   Response => error_code [api_keys] throttle_time_ms(v1+)
 *     api_keys => api_key min_version max_version   (all INT16)
 * A request above v2 (librdkafka opens with v3, a flexible version) is answered with
 * UNSUPPORTED_VERSION in the v0 layout, listing what is supported, as Kafka does.
 */
import { defineApi } from './api.ts';

export interface ApiVersionsResponse {
  errorCode: number;
  apiKeys: { key: number; minVersion: number; maxVersion: number }[];
}

export const apiVersionsApi = defineApi<null, ApiVersionsResponse>({
  key: 18,
  name: 'ApiVersions',
  minVersion: 0,
  maxVersion: 2,
  decodeRequest: () => null,
  encodeResponse(w, version, response) {
    w.int16(response.errorCode);
    w.array(response.apiKeys, (w, k) => w.int16(k.key).int16(k.minVersion).int16(k.maxVersion));
    if (version >= 1) w.int32(0);
  },
});
