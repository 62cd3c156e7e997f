/*
 * DescribeConfigs (key 32), versions 0-2.
 *   Request  => [resources] include_synonyms BOOLEAN (v1+)
 *     resources => resource_type INT8 (2 topic, 4 broker), resource_name STRING,
 *                  [configuration_keys STRING] (null: every config)
 *   Response => throttle_time_ms INT32, [results]
 *     results => error_code INT16, error_message NULLABLE_STRING, resource_type INT8,
 *                resource_name STRING, [configs]
 *       configs => name STRING, value NULLABLE_STRING, read_only BOOLEAN,
 *                  is_default BOOLEAN (v0) | config_source INT8 (v1+), is_sensitive BOOLEAN,
 *                  [synonyms] (v1+: name STRING, value NULLABLE_STRING, source INT8)
 * Version 2 is version 1 with throttling answered first; Kafka 4 dropped version 0.
 */
import { defineApi } from './api.ts';

export interface DescribeConfigsRequest {
  resources: { type: number; name: string; keys: string[] | null }[];
  includeSynonyms: boolean;
}

export interface DescribedConfigEntry {
  name: string;
  value: string | null;
  readOnly: boolean;
  source: number;
  synonyms: { name: string; value: string | null; source: number }[];
}

export interface DescribeConfigsResponse {
  results: { errorCode: number; errorMessage: string | null; type: number; name: string; configs: DescribedConfigEntry[] }[];
}

/** Kafka's DEFAULT_CONFIG source, which v0 reports as is_default. */
const defaultSource = 5;

export const describeConfigsApi = defineApi<DescribeConfigsRequest, DescribeConfigsResponse>({
  key: 32,
  name: 'DescribeConfigs',
  minVersion: 0,
  maxVersion: 2,
  decodeRequest(r, version) {
    const resources = r.array((r) => ({ type: r.int8(), name: r.string(), keys: r.nullableArray((r) => r.string()) }));
    return { resources, includeSynonyms: version >= 1 ? r.boolean() : false };
  },
  encodeResponse(w, version, response) {
    w.int32(0);
    w.array(response.results, (w, result) => {
      w.int16(result.errorCode).nullableString(result.errorMessage).int8(result.type).string(result.name);
      w.array(result.configs, (w, c) => {
        w.string(c.name).nullableString(c.value).boolean(c.readOnly);
        if (version === 0) w.boolean(c.source === defaultSource);
        else w.int8(c.source);
        w.boolean(false);
        if (version >= 1) w.array(c.synonyms, (w, s) => w.string(s.name).nullableString(s.value).int8(s.source));
      });
    });
  },
});
