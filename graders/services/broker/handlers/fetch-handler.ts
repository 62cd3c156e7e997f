import type { BrokerState } from '../broker-state.ts';
import { ErrorCode } from '../protocol/error-codes.ts';
import { type FetchPartitionResult, type FetchRequest, type FetchResponse, fetchApi } from '../protocol/fetch.ts';
import { listOffsetsApi } from '../protocol/list-offsets.ts';
import { handler } from './handler.ts';

/**
 * Fetch with Kafka's long poll: answer at once when min_bytes are available (or on an
 * error), otherwise wait for an append to any requested partition until max_wait_ms.
 */
export const fetchHandler = handler(fetchApi, async (state, request, context) => {
  const deadline = performance.now() + request.maxWaitMs;
  let response = collect(state, request);
  while (response.bytes < request.minBytes && !response.hasError && !context.signal.aborted) {
    const remaining = deadline - performance.now();
    if (remaining <= 0) break;
    await nextAppend(state, request, remaining, context.signal);
    const started = performance.now();
    response = collect(state, request);
    state.stats.busyMs += performance.now() - started;
  }
  const delay = state.faults.fetchDelay;
  if (delay > 0) {
    state.events.emit('fetch-delayed', { ms: delay });
    await abortableDelay(delay, context.signal);
  }
  return response.body;
});

function collect(state: BrokerState, request: FetchRequest): { body: FetchResponse; bytes: number; hasError: boolean } {
  let bytes = 0;
  let hasError = false;
  const topics = request.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p): FetchPartitionResult => {
      const partition = state.topics.partition(t.name, p.index);
      if (!partition) {
        hasError = true;
        const unknown = { highWatermark: -1, lastStableOffset: -1, logStartOffset: -1, abortedTransactions: null };
        return { index: p.index, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ...unknown, records: [] };
      }
      const { log, transactions } = partition;
      const lastStableOffset = transactions.lastStableOffset(log.highWatermark);
      const committedOnly = request.isolationLevel === readCommitted;
      const base = {
        index: p.index,
        highWatermark: log.highWatermark,
        lastStableOffset,
        logStartOffset: log.logStartOffset,
        abortedTransactions: null,
      };
      if (p.fetchOffset < log.logStartOffset || p.fetchOffset > log.highWatermark) {
        hasError = true;
        return { ...base, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE, records: [] };
      }
      const room = Math.max(0, Math.min(p.maxBytes, request.maxBytes - bytes));
      const records = log.read(p.fetchOffset, room, bytes === 0, committedOnly ? lastStableOffset : Infinity);
      for (const batch of records) bytes += batch.length;
      if (!committedOnly) return { ...base, errorCode: ErrorCode.NONE, records };
      const upperBound = records.length === 0 ? p.fetchOffset : nextOffsetAfter(records.at(-1)!);
      return { ...base, errorCode: ErrorCode.NONE, abortedTransactions: transactions.abortedBetween(p.fetchOffset, upperBound), records };
    }),
  }));
  return { body: { topics }, bytes, hasError };
}

const readCommitted = 1;

/** The offset after a stored batch: base_offset (bytes 0-7) plus last_offset_delta (bytes 23-26) plus one. */
function nextOffsetAfter(batch: Buffer): number {
  return Number(batch.readBigInt64BE(0)) + batch.readInt32BE(23) + 1;
}

function nextAppend(state: BrokerState, request: FetchRequest, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const stops: (() => void)[] = [];
    const done = () => {
      for (const stop of stops) stop();
      resolve();
    };
    for (const t of request.topics) {
      for (const p of t.partitions) {
        const partition = state.topics.partition(t.name, p.index);
        if (partition) stops.push(partition.log.onAppend(done));
      }
    }
    const timer = setTimeout(done, ms);
    stops.push(() => clearTimeout(timer));
    signal.addEventListener('abort', done, { once: true });
    stops.push(() => signal.removeEventListener('abort', done));
  });
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    }
    signal.addEventListener('abort', finish, { once: true });
  });
}

const latest = -1;
const earliest = -2;

export const listOffsetsHandler = handler(listOffsetsApi, (state, request) => ({
  topics: request.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => {
      const partition = state.topics.partition(t.name, p.index);
      if (!partition) return { index: p.index, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, timestamp: -1, offset: -1 };
      // read_committed sees the log up to the last stable offset only, for timestamps too.
      const { log, transactions } = partition;
      const fetchable = request.isolationLevel === readCommitted ? transactions.lastStableOffset(log.highWatermark) : log.highWatermark;
      if (p.timestamp === latest) return { index: p.index, errorCode: ErrorCode.NONE, timestamp: -1, offset: fetchable };
      if (p.timestamp === earliest) return { index: p.index, errorCode: ErrorCode.NONE, timestamp: -1, offset: log.logStartOffset };
      const found = log.offsetForTimestamp(p.timestamp);
      if (!found || found.offset >= fetchable) return { index: p.index, errorCode: ErrorCode.NONE, timestamp: -1, offset: -1 };
      return { index: p.index, errorCode: ErrorCode.NONE, timestamp: found.timestamp, offset: found.offset };
    }),
  })),
}));
