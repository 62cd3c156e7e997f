/*
 * InitProducerId (key 22), versions 0-1.
 *   Request  => transactional_id NULLABLE_STRING, transaction_timeout_ms INT32
 *   Response => throttle_time_ms INT32, error_code INT16, producer_id INT64, producer_epoch INT16
 */
import { defineApi } from './api.ts';

export interface InitProducerIdRequest {
  transactionalId: string | null;
  transactionTimeoutMs: number;
}

export interface InitProducerIdResponse {
  errorCode: number;
  producerId: number;
  producerEpoch: number;
}

export const initProducerIdApi = defineApi<InitProducerIdRequest, InitProducerIdResponse>({
  key: 22,
  name: 'InitProducerId',
  minVersion: 0,
  maxVersion: 1,
  decodeRequest(r) {
    const transactionalId = r.nullableString();
    return { transactionalId, transactionTimeoutMs: r.int32() };
  },
  encodeResponse(w, _version, response) {
    w.int32(0).int16(response.errorCode).int64(response.producerId).int16(response.producerEpoch);
  },
});
