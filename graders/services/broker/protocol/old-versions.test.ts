/*
 * The oldest request versions the broker offers, sent as raw frames: the layouts differ from
 * the newer versions kafkajs uses, so no client in node_modules would catch a wrong field.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { requestFrame } from '../fuzz/request-frame.ts';
import { Compression, zstdAvailable } from '../records/compression.ts';
import { crc32c } from '../records/crc32c.ts';
import { encodeMessageSet } from '../records/legacy-message-set.ts';
import { decodeRecords, encodeBatch, readBatchHeader } from '../records/record-batch.ts';
import { type EmbeddedBroker, startEmbeddedBroker } from '../start-embedded-broker.ts';
import { ErrorCode } from './error-codes.ts';
import { Reader } from './reader.ts';
import type { Writer } from './writer.ts';

/** Sends one request and returns the response body after its correlation id (header v0). */
function ask(broker: EmbeddedBroker, apiKey: number, version: number, body: (w: Writer) => void): Promise<Reader> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: broker.host, port: broker.port }, () => socket.write(requestFrame(apiKey, version, body, 7)));
    let inbound = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      inbound = Buffer.concat([inbound, chunk]);
      if (inbound.length < 4 || inbound.length < 4 + inbound.readInt32BE(0)) return;
      socket.destroy();
      expect(inbound.readInt32BE(4)).toBe(7);
      resolve(new Reader(inbound, 8, 4 + inbound.readInt32BE(0)));
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`the broker closed the connection instead of answering API ${apiKey} v${version}`)));
  });
}

function produceV0to2(version: number, topic: string, records: Buffer) {
  return (w: Writer) => w.int16(1).int32(1000).array([topic], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).bytes(records)));
}

/** The one partition result of a Produce response of these versions. */
function producePartition(r: Reader, version: number) {
  const [topic] = r.array((r) => ({
    name: r.string(),
    partitions: r.array((r) => ({ index: r.int32(), errorCode: r.int16(), baseOffset: r.int64(), logAppendTime: version >= 2 ? r.int64() : undefined })),
  }));
  if (version >= 1) expect(r.int32()).toBe(0);
  r.expectEnd('produce response');
  return topic!.partitions[0]!;
}

function storedValues(broker: EmbeddedBroker, topic: string): (string | null)[][] {
  return broker.state.topics
    .partition(topic, 0)!
    .log.read(0, 1 << 20, true)
    .map((batch) => decodeRecords(batch, readBatchHeader(batch)).map((r) => r.value?.toString() ?? null));
}

describe('Metadata v0 (kafka-python bootstraps with it)', () => {
  it('lists every topic for an empty array, in the v0 layout without rack, controller or is_internal', async () => {
    await using broker = await startEmbeddedBroker();
    broker.state.topics.create('listed', 2);
    const r = await ask(broker, 3, 0, (w) => w.array([], () => {}));
    const brokers = r.array((r) => ({ nodeId: r.int32(), host: r.string(), port: r.int32() }));
    const topics = r.array((r) => ({
      errorCode: r.int16(),
      name: r.string(),
      partitions: r.array((r) => ({ errorCode: r.int16(), index: r.int32(), leader: r.int32(), replicas: r.array((r) => r.int32()), isr: r.array((r) => r.int32()) })),
    }));
    r.expectEnd('metadata v0 response');
    expect(brokers).toEqual([{ nodeId: 1, host: broker.host, port: broker.port }]);
    expect(topics).toEqual([{ errorCode: 0, name: 'listed', partitions: [0, 1].map((index) => ({ errorCode: 0, index, leader: 1, replicas: [1], isr: [1] })) }]);
  });
});

describe('CreateTopics v0 and v4', () => {
  it('v4 takes -1 for partitions and replication factor as the broker defaults (KIP-464)', async () => {
    await using broker = await startEmbeddedBroker();
    const r = await ask(broker, 19, 4, (w) =>
      w.array(['defaults'], (w, t) => w.string(t).int32(3).int16(-1).int32(0).int32(0)).int32(1000).boolean(false),
    );
    expect(r.int32()).toBe(0);
    expect(r.array((r) => [r.string(), r.int16(), r.nullableString()])).toEqual([['defaults', ErrorCode.NONE, null]]);
    expect(broker.state.topics.get('defaults')?.partitions).toHaveLength(3);
  });

  it('v0 has no validate_only and answers without error messages', async () => {
    await using broker = await startEmbeddedBroker();
    const r = await ask(broker, 19, 0, (w) =>
      w.array(['old', 'old'], (w, t) => w.string(t).int32(1).int16(1).int32(0).int32(0)).int32(1000),
    );
    expect(r.array((r) => [r.string(), r.int16()])).toEqual([['old', ErrorCode.INVALID_REQUEST], ['old', ErrorCode.INVALID_REQUEST]]);
    r.expectEnd('create topics v0 response');
  });
});

describe('Produce v0-v2: message sets v0 and v1 are up-converted to record batches v2', () => {
  it.each([
    [0, 0, Compression.none],
    [1, 0, Compression.gzip],
    [2, 1, Compression.snappy],
    [2, 1, Compression.lz4],
  ] as const)('Produce v%i with magic %i, compression %i', async (version, magic, compression) => {
    await using broker = await startEmbeddedBroker();
    broker.state.topics.create('legacy', 1);
    const set = encodeMessageSet([{ value: Buffer.from('a'), timestamp: 5 }, { value: Buffer.from('b'), timestamp: 6 }], magic, compression);
    const first = producePartition(await ask(broker, 0, version, produceV0to2(version, 'legacy', set)), version);
    const second = producePartition(await ask(broker, 0, version, produceV0to2(version, 'legacy', set)), version);
    expect([first, second]).toMatchObject([{ errorCode: 0, baseOffset: 0 }, { errorCode: 0, baseOffset: 2 }]);
    if (version >= 2) expect(first.logAppendTime).toBe(-1);
    expect(storedValues(broker, 'legacy')).toEqual([['a', 'b'], ['a', 'b']]);
  });

  it('takes a record batch v2 at v2 too, but zstd only from v7 (KIP-110)', async () => {
    await using broker = await startEmbeddedBroker();
    broker.state.topics.create('legacy', 1);
    const plain = producePartition(await ask(broker, 0, 2, produceV0to2(2, 'legacy', encodeBatch([{ value: Buffer.from('v2') }]))), 2);
    expect(plain).toMatchObject({ errorCode: 0, baseOffset: 0 });
    // Where Node has no zstd the broker refuses the codec anyway: the answer is the same.
    const zstd = encodeBatch([{ value: Buffer.from('z') }], { compression: zstdAvailable ? Compression.zstd : Compression.none });
    zstd.writeInt16BE(Compression.zstd, 21);
    zstd.writeUInt32BE(crc32c(zstd, 21), 17);
    const refused = producePartition(await ask(broker, 0, 2, produceV0to2(2, 'legacy', zstd)), 2);
    expect(refused.errorCode).toBe(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE);
  });
});
