/*
 * EndTxn (key 26), versions 0-1.
 *   Request  => transactional_id STRING, producer_id INT64, producer_epoch INT16, committed BOOLEAN
 *   Response => throttle_time_ms INT32, error_code INT16
 */
import type { TransactionalIdentity } from './add-partitions-to-txn.ts';
import { defineApi } from './api.ts';

export interface EndTxnRequest extends TransactionalIdentity {
  committed: boolean;
}

export const endTxnApi = defineApi<EndTxnRequest, { errorCode: number }>({
  key: 26,
  name: 'EndTxn',
  minVersion: 0,
  maxVersion: 1,
  decodeRequest(r) {
    return { transactionalId: r.string(), producerId: r.int64(), producerEpoch: r.int16(), committed: r.boolean() };
  },
  encodeResponse(w, _version, response) {
    w.int32(0).int16(response.errorCode);
  },
});
