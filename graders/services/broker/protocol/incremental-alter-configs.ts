/*
 * IncrementalAlterConfigs (key 44), version 0 (version 1 is flexible and not offered).
 *   Request  => [resources] validate_only BOOLEAN
 *     resources => resource_type INT8, resource_name STRING,
 *                  [configs] (name STRING, config_operation INT8, value NULLABLE_STRING)
 *       config_operation => 0 SET, 1 DELETE (back to the default), 2 APPEND, 3 SUBTRACT
 *                           (APPEND and SUBTRACT for list configs such as cleanup.policy)
 *   Response => throttle_time_ms INT32, [responses]
 *     responses => error_code INT16, error_message NULLABLE_STRING, resource_type INT8,
 *                  resource_name STRING
 */
import { type AlterConfigsResponse, encodeAlterConfigsResponse } from './alter-configs.ts';
import { defineApi } from './api.ts';

export interface IncrementalAlterConfigsRequest {
  resources: { type: number; name: string; configs: { name: string; operation: number; value: string | null }[] }[];
  validateOnly: boolean;
}

export const incrementalAlterConfigsApi = defineApi<IncrementalAlterConfigsRequest, AlterConfigsResponse>({
  key: 44,
  name: 'IncrementalAlterConfigs',
  minVersion: 0,
  maxVersion: 0,
  decodeRequest(r) {
    const resources = r.array((r) => ({
      type: r.int8(),
      name: r.string(),
      configs: r.array((r) => ({ name: r.string(), operation: r.int8(), value: r.nullableString() })),
    }));
    return { resources, validateOnly: r.boolean() };
  },
  encodeResponse: (w, _version, response) => encodeAlterConfigsResponse(w, response),
});
