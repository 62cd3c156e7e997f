/*
 * DeleteGroups (key 42), versions 0-1.
 *   Request  => [group_names STRING]
 *   Response => throttle_time_ms INT32, [results] (group_id STRING, error_code INT16)
 * Version 1 is version 0 with throttling answered first. Only an empty group can go
 * (NON_EMPTY_GROUP otherwise); its committed offsets go with it.
 */
import { defineApi } from './api.ts';

export interface DeleteGroupsResponse {
  results: { groupId: string; errorCode: number }[];
}

export const deleteGroupsApi = defineApi<{ groupIds: string[] }, DeleteGroupsResponse>({
  key: 42,
  name: 'DeleteGroups',
  minVersion: 0,
  maxVersion: 1,
  decodeRequest: (r) => ({ groupIds: r.array((r) => r.string()) }),
  encodeResponse(w, _version, response) {
    w.int32(0);
    w.array(response.results, (w, g) => w.string(g.groupId).int16(g.errorCode));
  },
});
