/*
 * AddPartitionsToTxn (key 24), versions 0-1 (v1 is v0 with throttling before the response).
 *   Request  => transactional_id STRING, producer_id INT64, producer_epoch INT16,
 *               [topics] (name STRING, [partitions INT32])
 *   Response => throttle_time_ms INT32, [results] (name STRING, [partitions])
 *     partitions => partition_index INT32, partition_error_code INT16
 * Versions 2+ only allow PRODUCER_FENCED, 3+ are flexible and 4+ are broker-to-broker.
 */
import { defineApi } from './api.ts';

export interface TransactionalIdentity {
  transactionalId: string;
  producerId: number;
  producerEpoch: number;
}

export interface TopicPartitions {
  name: string;
  partitions: number[];
}

export interface AddPartitionsToTxnRequest extends TransactionalIdentity {
  topics: TopicPartitions[];
}

export interface AddPartitionsToTxnResponse {
  results: { name: string; partitions: { index: number; errorCode: number }[] }[];
}

export const addPartitionsToTxnApi = defineApi<AddPartitionsToTxnRequest, AddPartitionsToTxnResponse>({
  key: 24,
  name: 'AddPartitionsToTxn',
  minVersion: 0,
  maxVersion: 1,
  decodeRequest(r) {
    const transactionalId = r.string();
    const producerId = r.int64();
    const producerEpoch = r.int16();
    const topics = r.array((r) => ({ name: r.string(), partitions: r.array((r) => r.int32()) }));
    return { transactionalId, producerId, producerEpoch, topics };
  },
  encodeResponse(w, _version, response) {
    w.int32(0);
    w.array(response.results, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => w.int32(p.index).int16(p.errorCode));
    });
  },
});
