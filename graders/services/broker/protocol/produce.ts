/*
 * Produce (key 0), versions 0-7.
 *   Request  => transactional_id NULLABLE_STRING (v3+), acks INT16, timeout_ms INT32, [topics]
 *     topics => name STRING, [partitions]
 *       partitions => index INT32, records NULLABLE_BYTES (v3+: one record batch v2;
 *                     v0-v2: a message set v0/v1, or a record batch v2)
 *   Response => [topics] throttle_time_ms INT32 (v1+)
 *     topics => name [partitions]
 *       partitions => index INT32, error_code INT16, base_offset INT64,
 *                     log_append_time_ms INT64 (v2+), log_start_offset INT64 (v5+)
 * With acks=0 the broker sends no response at all. v0-v2 are offered because librdkafka
 * before 2.2 compresses only when the broker offers Produce v0 (see the README).
 */
import { defineApi } from './api.ts';

export interface ProduceRequest {
  transactionalId: string | null;
  acks: number;
  timeoutMs: number;
  topics: { name: string; partitions: { index: number; records: Buffer | null }[] }[];
}

export interface ProducePartitionResult {
  index: number;
  errorCode: number;
  baseOffset: number;
  logStartOffset: number;
}

export interface ProduceResponse {
  topics: { name: string; partitions: ProducePartitionResult[] }[];
}

export const produceApi = defineApi<ProduceRequest, ProduceResponse>({
  key: 0,
  name: 'Produce',
  minVersion: 0,
  maxVersion: 7,
  decodeRequest(r, version) {
    return {
      transactionalId: version >= 3 ? r.nullableString() : null,
      acks: r.int16(),
      timeoutMs: r.int32(),
      topics: r.array((r) => ({
        name: r.string(),
        partitions: r.array((r) => ({ index: r.int32(), records: r.nullableBytes() })),
      })),
    };
  },
  encodeResponse(w, version, response) {
    w.array(response.topics, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => {
        // log_append_time is -1: topics use CreateTime, as Kafka's default does.
        w.int32(p.index).int16(p.errorCode).int64(p.baseOffset);
        if (version >= 2) w.int64(-1);
        if (version >= 5) w.int64(p.logStartOffset);
      });
    });
    if (version >= 1) w.int32(0);
  },
});
