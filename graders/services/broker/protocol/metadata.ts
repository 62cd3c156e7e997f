/*
 * Metadata (key 3), versions 0-6.
 *   Request  => [topics] allow_auto_topic_creation(v4+ BOOLEAN)
 *     topics => name STRING
 *     (v0: an empty array asks for every topic; v1+: null asks for every topic, empty for none)
 *   Response => throttle_time_ms(v3+) [brokers] cluster_id(v2+ NULLABLE_STRING)
 *               controller_id(v1+ INT32) [topics]
 *     brokers => node_id INT32, host STRING, port INT32, rack(v1+ NULLABLE_STRING)
 *     topics => error_code name is_internal(v1+ BOOLEAN) [partitions]
 *       partitions => error_code partition_index leader_id [replica_nodes] [isr_nodes]
 *                     [offline_replicas](v5+)
 */
import { defineApi } from './api.ts';

export interface MetadataRequest {
  topics: string[] | null;
  allowAutoTopicCreation: boolean;
}

export interface MetadataResponse {
  brokers: { nodeId: number; host: string; port: number }[];
  clusterId: string;
  controllerId: number;
  topics: {
    errorCode: number;
    name: string;
    partitions: { errorCode: number; index: number; leader: number; replicas: number[]; isr: number[] }[];
  }[];
}

export const metadataApi = defineApi<MetadataRequest, MetadataResponse>({
  key: 3,
  name: 'Metadata',
  minVersion: 0,
  maxVersion: 6,
  decodeRequest(r, version) {
    const listed = r.nullableArray((r) => r.string());
    const topics = version === 0 && listed?.length === 0 ? null : listed;
    // Before v4 a client could not say no; Kafka treated such requests as allowing it.
    const allowAutoTopicCreation = version >= 4 ? r.boolean() : true;
    return { topics, allowAutoTopicCreation };
  },
  encodeResponse(w, version, response) {
    if (version >= 3) w.int32(0);
    w.array(response.brokers, (w, b) => {
      w.int32(b.nodeId).string(b.host).int32(b.port);
      if (version >= 1) w.nullableString(null);
    });
    if (version >= 2) w.nullableString(response.clusterId);
    if (version >= 1) w.int32(response.controllerId);
    w.array(response.topics, (w, t) => {
      w.int16(t.errorCode).string(t.name);
      if (version >= 1) w.boolean(false);
      w.array(t.partitions, (w, p) => {
        w.int16(p.errorCode).int32(p.index).int32(p.leader).int32Array(p.replicas).int32Array(p.isr);
        if (version >= 5) w.int32Array([]);
      });
    });
  },
});
