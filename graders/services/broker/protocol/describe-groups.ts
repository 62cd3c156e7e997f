/*
 * DescribeGroups (key 15), versions 0-2.
 *   Request  => [group_ids STRING]
 *   Response => throttle_time_ms INT32 (v1+), [groups]
 *     groups => error_code INT16, group_id STRING, group_state STRING, protocol_type STRING,
 *               protocol_data STRING, [members]
 *       members => member_id STRING, client_id STRING, client_host STRING,
 *                  member_metadata BYTES, member_assignment BYTES
 */
import { defineApi } from './api.ts';

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: { memberId: string; clientId: string; clientHost: string; metadata: Buffer; assignment: Buffer }[];
}

export const describeGroupsApi = defineApi<{ groupIds: string[] }, { groups: DescribedGroup[] }>({
  key: 15,
  name: 'DescribeGroups',
  minVersion: 0,
  maxVersion: 2,
  decodeRequest(r) {
    return { groupIds: r.array((r) => r.string()) };
  },
  encodeResponse(w, version, response) {
    if (version >= 1) w.int32(0);
    w.array(response.groups, (w, g) => {
      w.int16(g.errorCode).string(g.groupId).string(g.state).string(g.protocolType).string(g.protocol);
      w.array(g.members, (w, m) =>
        w.string(m.memberId).string(m.clientId).string(m.clientHost).bytes(m.metadata).bytes(m.assignment),
      );
    });
  },
});
