/*
 * Record batch v2 (magic 2), the only on-wire and stored format this broker handles.
 *   RecordBatch => base_offset INT64, batch_length INT32, partition_leader_epoch INT32,
 *                  magic INT8 (2), crc UINT32 (CRC-32C of everything after it),
 *                  attributes INT16 (bits 0-2 compression, bit 3 timestamp type,
 *                  bit 4 transactional, bit 5 control), last_offset_delta INT32,
 *                  base_timestamp INT64, max_timestamp INT64, producer_id INT64,
 *                  producer_epoch INT16, base_sequence INT32, record_count INT32, records
 *   Record => length VARINT, attributes INT8, timestamp_delta VARLONG, offset_delta VARINT,
 *             key VARBYTES, value VARBYTES, [headers] (VARINT count; key VARSTRING, value VARBYTES)
 * The records section is gzip-compressed as a whole when compression is 1.
 * base_offset and partition_leader_epoch sit before the CRC, so the broker assigns offsets
 * by overwriting them in place, exactly as Kafka does, without re-encoding.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { MalformedRequest, Reader } from '../protocol/reader.ts';
import { Writer } from '../protocol/writer.ts';
import { crc32c } from './crc32c.ts';

export const batchHeaderSize = 61;
const crcStart = 21;
const compressionNone = 0;
const compressionGzip = 1;

export interface Record {
  offset: number;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
}

export interface BatchHeader {
  baseOffset: number;
  length: number;
  magic: number;
  crc: number;
  attributes: number;
  compression: number;
  transactional: boolean;
  control: boolean;
  lastOffsetDelta: number;
  baseTimestamp: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
}

/** Why a batch was refused, in terms the produce handler maps to an error code. */
export class InvalidBatch extends Error {
  readonly kind: 'corrupt' | 'invalid' | 'compression';
  constructor(kind: 'corrupt' | 'invalid' | 'compression', message: string) {
    super(message);
    this.kind = kind;
  }
}

export function readBatchHeader(bytes: Buffer): BatchHeader {
  const r = new Reader(bytes);
  const baseOffset = r.int64();
  const length = r.int32();
  r.int32();
  const magic = r.int8();
  const crc = r.uint32();
  const attributes = r.int16();
  return {
    baseOffset,
    length,
    magic,
    crc,
    attributes,
    compression: attributes & 0x07,
    transactional: (attributes & 0x10) !== 0,
    control: (attributes & 0x20) !== 0,
    lastOffsetDelta: r.int32(),
    baseTimestamp: r.int64(),
    maxTimestamp: r.int64(),
    producerId: r.int64(),
    producerEpoch: r.int16(),
    baseSequence: r.int32(),
    recordCount: r.int32(),
  };
}

/**
 * Checks a produced batch the way Kafka's log validator does (framing, magic, CRC,
 * compression, record count and offset deltas) and returns its header and records.
 */
export function validateBatch(bytes: Buffer, maxUncompressedBytes: number): { header: BatchHeader; records: Record[] } {
  let header: BatchHeader;
  try {
    if (bytes.length < batchHeaderSize) throw new InvalidBatch('corrupt', `a record batch of ${bytes.length} bytes is shorter than its header`);
    header = readBatchHeader(bytes);
  } catch (error) {
    if (error instanceof MalformedRequest) throw new InvalidBatch('corrupt', error.message);
    throw error;
  }
  if (header.length + 12 !== bytes.length) {
    throw new InvalidBatch('invalid', `batch_length ${header.length} does not match the ${bytes.length - 12} bytes sent (one batch per partition)`);
  }
  if (header.magic !== 2) throw new InvalidBatch('invalid', `magic ${header.magic}: only record batch v2 is accepted`);
  if (crc32c(bytes, crcStart) !== header.crc) throw new InvalidBatch('corrupt', 'record batch CRC-32C does not match');
  if (header.control) throw new InvalidBatch('invalid', 'control batches are written by the broker, never produced');
  if (header.recordCount <= 0 || header.lastOffsetDelta !== header.recordCount - 1) {
    throw new InvalidBatch('invalid', `record_count ${header.recordCount} with last_offset_delta ${header.lastOffsetDelta}`);
  }
  const records = decodeRecords(bytes, header, maxUncompressedBytes);
  return { header, records };
}

/** The records of a stored or produced batch (which must already have passed validateBatch). */
export function decodeRecords(bytes: Buffer, header: BatchHeader, maxUncompressedBytes = 64 * 1024 * 1024): Record[] {
  let body: Buffer;
  if (header.compression === compressionNone) body = bytes.subarray(batchHeaderSize);
  else if (header.compression === compressionGzip) {
    try {
      body = gunzipSync(bytes.subarray(batchHeaderSize), { maxOutputLength: maxUncompressedBytes });
    } catch (error) {
      throw new InvalidBatch('corrupt', `gzip records do not decompress: ${(error as Error).message}`);
    }
  } else {
    throw new InvalidBatch('compression', `compression type ${header.compression} is not supported (none and gzip are)`);
  }
  const r = new Reader(body);
  const records: Record[] = [];
  // Deltas rise strictly up to last_offset_delta: with record_count = last_offset_delta + 1
  // (validateBatch) that means 0, 1, 2…; a compacted batch keeps its offsets with gaps.
  let previousDelta = -1;
  try {
    for (let i = 0; i < header.recordCount; i++) {
      const length = r.varint();
      if (length < 0 || length > r.remaining) throw new MalformedRequest(`record length ${length}`);
      const end = r.offset + length;
      const record = new Reader(body, r.offset, end);
      record.int8();
      const timestamp = header.baseTimestamp + record.varlong();
      const offsetDelta = record.varint();
      if (offsetDelta <= previousDelta || offsetDelta > header.lastOffsetDelta) throw new InvalidBatch('invalid', `record ${i} has offset delta ${offsetDelta}`);
      previousDelta = offsetDelta;
      const key = record.varBytes();
      const value = record.varBytes();
      const headerCount = record.varint();
      if (headerCount < 0 || headerCount > record.remaining) throw new MalformedRequest(`header count ${headerCount}`);
      const headers: Record['headers'] = [];
      for (let h = 0; h < headerCount; h++) {
        const headerKey = record.varBytes();
        if (headerKey === null) throw new MalformedRequest('null header key');
        headers.push({ key: headerKey.toString('utf8'), value: record.varBytes() });
      }
      record.expectEnd('record');
      r.offset = end;
      records.push({ offset: header.baseOffset + offsetDelta, timestamp, key, value, headers });
    }
    r.expectEnd('records');
  } catch (error) {
    if (error instanceof MalformedRequest) throw new InvalidBatch('corrupt', error.message);
    throw error;
  }
  return records;
}

export interface NewRecord {
  key?: Buffer | null;
  value: Buffer | null;
  timestamp?: number;
  headers?: { key: string; value: Buffer | null }[];
}

/**
 * Encodes a batch as a producer would; used by the tests and the benchmark to build frames
 * without a client, and never by the broker's own produce path.
 */
export function encodeBatch(
  records: readonly NewRecord[],
  options: { baseOffset?: number; gzip?: boolean; producerId?: number; producerEpoch?: number; baseSequence?: number } = {},
): Buffer {
  const now = Date.now();
  const baseTimestamp = records[0]?.timestamp ?? now;
  const body = new Writer(1024);
  records.forEach((rec, i) => {
    const record = new Writer(64);
    record.int8(0).varlong((rec.timestamp ?? now) - baseTimestamp).varint(i).varBytes(rec.key ?? null).varBytes(rec.value);
    record.varint(rec.headers?.length ?? 0);
    for (const h of rec.headers ?? []) record.varBytes(Buffer.from(h.key)).varBytes(h.value);
    body.varint(record.size).raw(record.toBuffer());
  });
  const recordBytes = options.gzip ? gzipSync(body.toBuffer()) : body.toBuffer();
  const maxTimestamp = Math.max(baseTimestamp, ...records.map((rec) => rec.timestamp ?? now));
  const afterCrc = new Writer(recordBytes.length + 64);
  afterCrc.int16(options.gzip ? compressionGzip : compressionNone).int32(records.length - 1);
  afterCrc.int64(baseTimestamp).int64(maxTimestamp).int64(options.producerId ?? -1).int16(options.producerEpoch ?? -1);
  afterCrc.int32(options.baseSequence ?? -1).int32(records.length).raw(recordBytes);
  const tail = afterCrc.toBuffer();
  const batch = new Writer(tail.length + 21);
  batch.int64(options.baseOffset ?? 0).int32(tail.length + 9).int32(-1).int8(2).uint32(crc32c(tail)).raw(tail);
  return Buffer.from(batch.toBuffer());
}
