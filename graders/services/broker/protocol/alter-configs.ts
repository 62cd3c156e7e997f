/*
 * AlterConfigs (key 33), versions 0-1: replaces every dynamic config of a resource.
 *   Request  => [resources] validate_only BOOLEAN
 *     resources => resource_type INT8, resource_name STRING,
 *                  [configs] (name STRING, value NULLABLE_STRING)
 *   Response => throttle_time_ms INT32, [responses]
 *     responses => error_code INT16, error_message NULLABLE_STRING, resource_type INT8,
 *                  resource_name STRING
 * Version 1 is version 0 with throttling answered first.
 */
import { defineApi } from './api.ts';
import type { Writer } from './writer.ts';

export interface AlterConfigsResource {
  type: number;
  name: string;
  configs: { name: string; value: string | null }[];
}

export interface AlterConfigsRequest {
  resources: AlterConfigsResource[];
  validateOnly: boolean;
}

/** The response of AlterConfigs and IncrementalAlterConfigs v0, which share this layout. */
export interface AlterConfigsResponse {
  responses: { errorCode: number; errorMessage: string | null; type: number; name: string }[];
}

export function encodeAlterConfigsResponse(w: Writer, response: AlterConfigsResponse): void {
  w.int32(0);
  w.array(response.responses, (w, r) => w.int16(r.errorCode).nullableString(r.errorMessage).int8(r.type).string(r.name));
}

export const alterConfigsApi = defineApi<AlterConfigsRequest, AlterConfigsResponse>({
  key: 33,
  name: 'AlterConfigs',
  minVersion: 0,
  maxVersion: 1,
  decodeRequest(r) {
    const resources = r.array((r) => ({
      type: r.int8(),
      name: r.string(),
      configs: r.array((r) => ({ name: r.string(), value: r.nullableString() })),
    }));
    return { resources, validateOnly: r.boolean() };
  },
  encodeResponse: (w, _version, response) => encodeAlterConfigsResponse(w, response),
});
