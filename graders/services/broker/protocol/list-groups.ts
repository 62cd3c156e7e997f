/*
 * ListGroups (key 16), versions 0-2.
 *   Request  => (empty)
 *   Response => throttle_time_ms INT32 (v1+), error_code INT16, [groups]
 *     groups => group_id STRING, protocol_type STRING
 */
import { defineApi } from './api.ts';

export interface ListGroupsResponse {
  groups: { groupId: string; protocolType: string }[];
}

export const listGroupsApi = defineApi<null, ListGroupsResponse>({
  key: 16,
  name: 'ListGroups',
  minVersion: 0,
  maxVersion: 2,
  decodeRequest: () => null,
  encodeResponse(w, version, response) {
    if (version >= 1) w.int32(0);
    w.int16(0);
    w.array(response.groups, (w, g) => w.string(g.groupId).string(g.protocolType));
  },
});
