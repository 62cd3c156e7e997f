/*
 * AddOffsetsToTxn (key 25), versions 0-1.
 *   Request  => transactional_id STRING, producer_id INT64, producer_epoch INT16, group_id STRING
 *   Response => throttle_time_ms INT32, error_code INT16
 */
import type { TransactionalIdentity } from './add-partitions-to-txn.ts';
import { defineApi } from './api.ts';

export interface AddOffsetsToTxnRequest extends TransactionalIdentity {
  groupId: string;
}

export const addOffsetsToTxnApi = defineApi<AddOffsetsToTxnRequest, { errorCode: number }>({
  key: 25,
  name: 'AddOffsetsToTxn',
  minVersion: 0,
  maxVersion: 1,
  decodeRequest(r) {
    return { transactionalId: r.string(), producerId: r.int64(), producerEpoch: r.int16(), groupId: r.string() };
  },
  encodeResponse(w, _version, response) {
    w.int32(0).int16(response.errorCode);
  },
});
