import { describe, expect, it } from 'vitest';
import { BrokerState } from '../broker-state.ts';
import { ManualTimers } from '../group/timers.ts';
import { fetchHandler, listOffsetsHandler } from '../handlers/fetch-handler.ts';
import type { RequestContext } from '../handlers/handler.ts';
import { produceHandler } from '../handlers/produce-handler.ts';
import {
  addOffsetsToTxnHandler,
  addPartitionsToTxnHandler,
  endTxnHandler,
  findCoordinatorHandler,
  initProducerIdHandler,
  txnOffsetCommitHandler,
} from '../handlers/transaction-handlers.ts';
import { offsetFetchHandler } from '../handlers/group-handlers.ts';
import { ErrorCode } from '../protocol/error-codes.ts';
import type { FetchResponse } from '../protocol/fetch.ts';
import type { ProduceResponse } from '../protocol/produce.ts';
import { crc32c } from '../records/crc32c.ts';
import { decodeRecords, encodeBatch, readBatchHeader } from '../records/record-batch.ts';

/**
 * The transaction coordinator and the partition side of transactions, driven through the
 * request handlers in-process with manual timers: exact error codes, the last stable offset,
 * aborted-transaction lists and timeouts, without a client or a clock.
 */
const context = (version: number): RequestContext => ({ version, clientId: 't', clientHost: '127.0.0.1', signal: new AbortController().signal });
const v1 = context(1);
const readUncommitted = 0;
const readCommitted = 1;

function setup() {
  const timers = new ManualTimers();
  const state = new BrokerState({ timers }, () => {});
  state.topics.create('orders', 2);
  return { state, timers };
}

function init(state: BrokerState, transactionalId = 'tx', timeoutMs = 60_000) {
  const response = initProducerIdHandler.handle(state, { transactionalId, transactionTimeoutMs: timeoutMs }, v1) as {
    errorCode: number;
    producerId: number;
    producerEpoch: number;
  };
  expect(response.errorCode).toBe(ErrorCode.NONE);
  return { transactionalId, producerId: response.producerId, producerEpoch: response.producerEpoch };
}

type Identity = ReturnType<typeof init>;

/** A batch as a transactional producer sends it: attribute bit 4 set, CRC recomputed. */
function transactionalBatch(identity: Identity, values: string[], baseSequence: number): Buffer {
  const batch = encodeBatch(values.map((v) => ({ value: Buffer.from(v) })), { ...identity, baseSequence });
  batch.writeInt16BE(batch.readInt16BE(21) | 0x10, 21);
  batch.writeUInt32BE(crc32c(batch, 21), 17);
  return batch;
}

function produce(state: BrokerState, transactionalId: string | null, partition: number, records: Buffer): number {
  const response = produceHandler.handle(
    state,
    { transactionalId, acks: -1, timeoutMs: 1000, topics: [{ name: 'orders', partitions: [{ index: partition, records }] }] },
    context(7),
  ) as ProduceResponse;
  return response.topics[0]!.partitions[0]!.errorCode;
}

function addPartitions(state: BrokerState, identity: Identity, partitions: number[], version = v1): number[] {
  const response = addPartitionsToTxnHandler.handle(state, { ...identity, topics: [{ name: 'orders', partitions }] }, version) as {
    results: { partitions: { errorCode: number }[] }[];
  };
  return response.results.flatMap((t) => t.partitions.map((p) => p.errorCode));
}

const end = (state: BrokerState, identity: Identity, committed: boolean) =>
  (endTxnHandler.handle(state, { ...identity, committed }, v1) as { errorCode: number }).errorCode;

async function fetch(state: BrokerState, partition: number, isolationLevel: number, fetchOffset = 0) {
  const request = {
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 1 << 20,
    isolationLevel,
    topics: [{ name: 'orders', partitions: [{ index: partition, fetchOffset, maxBytes: 1 << 20 }] }],
  };
  const response = (await fetchHandler.handle(state, request, context(11))) as FetchResponse;
  const result = response.topics[0]!.partitions[0]!;
  const batches = result.records.map((bytes) => ({ header: readBatchHeader(bytes), bytes }));
  return { ...result, batches };
}

function listedOffset(state: BrokerState, isolationLevel: number, timestamp = -1): number {
  const request = { isolationLevel, topics: [{ name: 'orders', partitions: [{ index: 0, timestamp }] }] };
  const response = listOffsetsHandler.handle(state, request, context(2)) as { topics: { partitions: { offset: number }[] }[] };
  return response.topics[0]!.partitions[0]!.offset;
}

describe('transactions in the course broker', () => {
  it('answers FindCoordinator for a transactional id with itself', () => {
    const { state } = setup();
    expect(findCoordinatorHandler.handle(state, { key: 'tx', keyType: 1 }, v1)).toMatchObject({ errorCode: ErrorCode.NONE, nodeId: 1 });
    expect(findCoordinatorHandler.handle(state, { key: '', keyType: 1 }, v1)).toMatchObject({ errorCode: ErrorCode.INVALID_REQUEST });
  });

  it('holds the last stable offset at an open transaction, then lists the aborted one to read_committed fetches', async () => {
    const { state } = setup();
    const producer = init(state);
    expect(addPartitions(state, producer, [0])).toEqual([ErrorCode.NONE]);
    expect(produce(state, 'tx', 0, transactionalBatch(producer, ['a1', 'a2'], 0))).toBe(ErrorCode.NONE);
    expect(produce(state, null, 0, encodeBatch([{ value: Buffer.from('plain') }]))).toBe(ErrorCode.NONE);

    expect(listedOffset(state, readUncommitted)).toBe(3);
    expect(listedOffset(state, readCommitted)).toBe(0);
    expect(listedOffset(state, readUncommitted, 0)).toBe(0);
    expect(listedOffset(state, readCommitted, 0)).toBe(-1);
    const open = await fetch(state, 0, readCommitted);
    expect(open).toMatchObject({ highWatermark: 3, lastStableOffset: 0, abortedTransactions: [] });
    expect(open.batches).toEqual([]);

    expect(end(state, producer, false)).toBe(ErrorCode.NONE);
    expect(listedOffset(state, readCommitted)).toBe(4);
    const committed = await fetch(state, 0, readCommitted);
    expect(committed.abortedTransactions).toEqual([{ producerId: producer.producerId, firstOffset: 0 }]);
    const marker = committed.batches.at(-1)!;
    expect(marker.header).toMatchObject({ baseOffset: 3, control: true, transactional: true, producerId: producer.producerId });
    expect(decodeRecords(marker.bytes, marker.header)[0]!.key).toEqual(Buffer.from([0, 0, 0, 0]));
    expect((await fetch(state, 0, readUncommitted)).abortedTransactions).toBeNull();
    // The list holds what overlaps the fetch: the abort marker at 3 still does, the end of the log does not.
    expect((await fetch(state, 0, readCommitted, 3)).abortedTransactions).toHaveLength(1);
    expect((await fetch(state, 0, readCommitted, 4)).abortedTransactions).toEqual([]);
  });

  it('writes a commit marker to every partition of the transaction and publishes its offsets only then', async () => {
    const { state } = setup();
    const producer = init(state);
    addPartitions(state, producer, [0, 1]);
    produce(state, 'tx', 1, transactionalBatch(producer, ['x'], 0));
    expect(addOffsetsToTxnHandler.handle(state, { ...producer, groupId: 'g' }, v1)).toEqual({ errorCode: ErrorCode.NONE });
    const offsets = { ...producer, groupId: 'g', topics: [{ name: 'orders', partitions: [{ index: 1, offset: 1, metadata: null }] }] };
    expect(txnOffsetCommitHandler.handle(state, offsets, v1)).toEqual({ topics: [{ name: 'orders', partitions: [{ index: 1, errorCode: ErrorCode.NONE }] }] });
    const committedOffset = () =>
      (offsetFetchHandler.handle(state, { groupId: 'g', topics: [{ name: 'orders', partitions: [1] }] }, v1) as { topics: { partitions: { offset: number }[] }[] })
        .topics[0]!.partitions[0]!.offset;
    expect(committedOffset()).toBe(-1);

    expect(end(state, producer, true)).toBe(ErrorCode.NONE);
    expect(committedOffset()).toBe(1);
    for (const partition of [0, 1]) {
      const marker = (await fetch(state, partition, readCommitted)).batches.at(-1)!;
      expect(decodeRecords(marker.bytes, marker.header)[0]!.key).toEqual(Buffer.from([0, 0, 0, 1]));
    }
    expect(end(state, producer, true)).toBe(ErrorCode.NONE);
    expect(end(state, producer, false)).toBe(ErrorCode.INVALID_TXN_STATE);
  });

  it('fences the old epoch when the transactional id is initialised again, aborting its open transaction', async () => {
    const { state } = setup();
    const zombie = init(state);
    addPartitions(state, zombie, [0]);
    produce(state, 'tx', 0, transactionalBatch(zombie, ['z'], 0));
    const successor = init(state);
    expect(successor.producerId).toBe(zombie.producerId);
    expect(successor.producerEpoch).toBe(zombie.producerEpoch + 2);

    expect((await fetch(state, 0, readCommitted)).abortedTransactions).toEqual([{ producerId: zombie.producerId, firstOffset: 0 }]);
    expect(produce(state, 'tx', 0, transactionalBatch(zombie, ['late'], 1))).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
    expect(addPartitions(state, zombie, [1])).toEqual([ErrorCode.INVALID_PRODUCER_EPOCH]);
    expect(addPartitions(state, zombie, [1], context(2))).toEqual([ErrorCode.PRODUCER_FENCED]);
    expect(end(state, zombie, true)).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
    expect(addPartitions(state, successor, [0])).toEqual([ErrorCode.NONE]);
    expect(produce(state, 'tx', 0, transactionalBatch(successor, ['fresh'], 0))).toBe(ErrorCode.NONE);
  });

  it('aborts a transaction open past its timeout and fences its producer', async () => {
    const { state, timers } = setup();
    const aborted: string[] = [];
    state.events.on('transaction-aborted', ({ transactionalId, reason }) => aborted.push(`${transactionalId}: ${reason}`));
    const producer = init(state, 'slow', 5_000);
    addPartitions(state, producer, [0]);
    produce(state, 'slow', 0, transactionalBatch(producer, ['s'], 0));
    timers.advance(4_999);
    expect(listedOffset(state, readCommitted)).toBe(0);
    timers.advance(1);
    expect(aborted).toEqual(['slow: timed out']);
    expect(listedOffset(state, readCommitted)).toBe(2);
    expect(end(state, producer, true)).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
  });

  it('refuses what Kafka refuses', () => {
    const { state } = setup();
    expect(initProducerIdHandler.handle(state, { transactionalId: 'tx', transactionTimeoutMs: 900_001 }, v1)).toMatchObject({
      errorCode: ErrorCode.INVALID_TRANSACTION_TIMEOUT,
    });
    expect(initProducerIdHandler.handle(state, { transactionalId: '', transactionTimeoutMs: 1000 }, v1)).toMatchObject({ errorCode: ErrorCode.INVALID_REQUEST });
    const producer = init(state);
    expect(end(state, producer, true)).toBe(ErrorCode.INVALID_TXN_STATE);
    expect(addPartitions(state, { ...producer, producerId: producer.producerId + 1 }, [0])).toEqual([ErrorCode.INVALID_PRODUCER_ID_MAPPING]);
    expect(addPartitions(state, producer, [0, 7])).toEqual([ErrorCode.OPERATION_NOT_ATTEMPTED, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]);
    expect(produce(state, 'tx', 0, transactionalBatch(producer, ['not added'], 0))).toBe(ErrorCode.INVALID_TXN_STATE);
    expect(produce(state, null, 0, transactionalBatch(producer, ['no id'], 0))).toBe(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    addPartitions(state, producer, [0]);
    expect(produce(state, 'tx', 0, transactionalBatch(producer, ['in'], 0))).toBe(ErrorCode.NONE);
    const plainFromSameProducer = encodeBatch([{ value: Buffer.from('p') }], { ...producer, baseSequence: 1 });
    expect(produce(state, null, 0, plainFromSameProducer)).toBe(ErrorCode.INVALID_TXN_STATE);
  });
});
