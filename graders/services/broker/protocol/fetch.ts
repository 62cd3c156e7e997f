/*
 * Fetch (key 1), versions 4-11 (record batch v2 only).
 *   Request  => replica_id INT32, max_wait_ms INT32, min_bytes INT32, max_bytes INT32,
 *               isolation_level INT8, session_id INT32 (v7+), session_epoch INT32 (v7+),
 *               [topics], [forgotten_topics] (v7+), rack_id STRING (v11+)
 *     topics => topic STRING, [partitions]
 *       partitions => partition INT32, current_leader_epoch INT32 (v9+), fetch_offset INT64,
 *                     log_start_offset INT64 (v5+), partition_max_bytes INT32
 *     forgotten_topics => topic STRING, [partitions INT32]
 *   Response => throttle_time_ms INT32, error_code INT16 (v7+), session_id INT32 (v7+), [topics]
 *     topics => topic STRING, [partitions]
 *       partitions => partition INT32, error_code INT16, high_watermark INT64,
 *                     last_stable_offset INT64, log_start_offset INT64 (v5+),
 *                     [aborted_transactions] (null for read_uncommitted),
 *                     preferred_read_replica INT32 (v11+), records NULLABLE_BYTES (whole stored batches)
 *         aborted_transactions => producer_id INT64, first_offset INT64
 * Fetch sessions are declined: every response carries session_id 0, which the protocol
 * defines as "no session", so clients send full fetch requests.
 */
import { defineApi } from './api.ts';

export interface FetchRequest {
  /** 0 read_uncommitted, 1 read_committed: records up to the last stable offset only. */
  isolationLevel: number;
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  topics: { name: string; partitions: { index: number; fetchOffset: number; maxBytes: number }[] }[];
}

export interface FetchPartitionResult {
  index: number;
  errorCode: number;
  highWatermark: number;
  lastStableOffset: number;
  logStartOffset: number;
  /** Aborted transactions overlapping the records returned; null for read_uncommitted. */
  abortedTransactions: { producerId: number; firstOffset: number }[] | null;
  records: Buffer[];
}

export interface FetchResponse {
  topics: { name: string; partitions: FetchPartitionResult[] }[];
}

export const fetchApi = defineApi<FetchRequest, FetchResponse>({
  key: 1,
  name: 'Fetch',
  minVersion: 4,
  maxVersion: 11,
  decodeRequest(r, version) {
    r.int32(); // replica_id: always -1 from consumers
    const maxWaitMs = r.int32();
    const minBytes = r.int32();
    const maxBytes = r.int32();
    const isolationLevel = r.int8();
    if (version >= 7) {
      r.int32();
      r.int32();
    }
    const topics = r.array((r) => ({
      name: r.string(),
      partitions: r.array((r) => {
        const index = r.int32();
        if (version >= 9) r.int32();
        const fetchOffset = r.int64();
        if (version >= 5) r.int64();
        return { index, fetchOffset, maxBytes: r.int32() };
      }),
    }));
    if (version >= 7) r.array((r) => ({ topic: r.string(), partitions: r.array((r) => r.int32()) }));
    if (version >= 11) r.string();
    return { maxWaitMs, minBytes, maxBytes, isolationLevel, topics };
  },
  encodeResponse(w, version, response) {
    w.int32(0);
    if (version >= 7) w.int16(0).int32(0);
    w.array(response.topics, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => {
        w.int32(p.index).int16(p.errorCode).int64(p.highWatermark).int64(p.lastStableOffset);
        if (version >= 5) w.int64(p.logStartOffset);
        if (p.abortedTransactions === null) w.int32(-1);
        else w.array(p.abortedTransactions, (w, a) => w.int64(a.producerId).int64(a.firstOffset));
        if (version >= 11) w.int32(-1);
        const size = p.records.reduce((sum, batch) => sum + batch.length, 0);
        w.int32(size);
        for (const batch of p.records) w.raw(batch);
      });
    });
  },
});
