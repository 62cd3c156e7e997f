/*
 * TxnOffsetCommit (key 28), versions 0-2.
 *   Request  => transactional_id STRING, group_id STRING, producer_id INT64, producer_epoch INT16,
 *               [topics] (name STRING, [partitions])
 *     partitions => partition_index INT32, committed_offset INT64,
 *                   committed_leader_epoch INT32 (v2+), committed_metadata NULLABLE_STRING
 *   Response => throttle_time_ms INT32, [topics] (name STRING, [partitions])
 *     partitions => partition_index INT32, error_code INT16
 * Version 3 (flexible) adds the member id and generation, which v0-2 do not check.
 */
import type { TransactionalIdentity } from './add-partitions-to-txn.ts';
import { defineApi } from './api.ts';

export interface TxnOffsetCommitRequest extends TransactionalIdentity {
  groupId: string;
  topics: { name: string; partitions: { index: number; offset: number; metadata: string | null }[] }[];
}

export interface TxnOffsetCommitResponse {
  topics: { name: string; partitions: { index: number; errorCode: number }[] }[];
}

export const txnOffsetCommitApi = defineApi<TxnOffsetCommitRequest, TxnOffsetCommitResponse>({
  key: 28,
  name: 'TxnOffsetCommit',
  minVersion: 0,
  maxVersion: 2,
  decodeRequest(r, version) {
    const transactionalId = r.string();
    const groupId = r.string();
    const producerId = r.int64();
    const producerEpoch = r.int16();
    const topics = r.array((r) => ({
      name: r.string(),
      partitions: r.array((r) => {
        const index = r.int32();
        const offset = r.int64();
        if (version >= 2) r.int32();
        return { index, offset, metadata: r.nullableString() };
      }),
    }));
    return { transactionalId, groupId, producerId, producerEpoch, topics };
  },
  encodeResponse(w, _version, response) {
    w.int32(0);
    w.array(response.topics, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => w.int32(p.index).int16(p.errorCode));
    });
  },
});
