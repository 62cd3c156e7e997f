/*
 * Message sets of message formats v0 and v1 (magic 0 and 1), which Produce v0-v2 may carry.
 *   MessageSet => { offset INT64, message_size INT32, Message } repeated to the end of the bytes
 *   Message    => crc UINT32 (CRC-32 of everything after it), magic INT8, attributes INT8
 *                 (bits 0-2 compression; bit 3 timestamp type, v1 only), timestamp INT64 (v1
 *                 only), key BYTES, value BYTES
 * A compressed message is a wrapper whose value is the compressed message set of its inner,
 * uncompressed messages. zstd never existed in these formats.
 *
 * The log holds record batches v2 only, so the broker up-converts a legacy message set into
 * one batch, keeping its codec and its timestamps, as Kafka does when a topic's message
 * format is newer than what the producer sent. A v0 message has no timestamp: its record gets
 * -1 (Kafka's NO_TIMESTAMP).
 */
import { crc32 } from 'node:zlib';
import { MalformedRequest, Reader } from '../protocol/reader.ts';
import { Compression, compress, CompressionError, decompress } from './compression.ts';
import { encodeBatch, InvalidBatch, type NewRecord } from './record-batch.ts';

/** Where the magic byte sits in both a legacy message set and a record batch. */
export const magicOffset = 16;

export function isLegacyMessageSet(bytes: Buffer): boolean {
  return bytes.length > magicOffset && bytes[magicOffset]! < 2;
}

export function upConvertMessageSet(bytes: Buffer, maxUncompressedBytes: number): Buffer {
  let converted: { records: NewRecord[]; compression: number };
  try {
    converted = readMessageSet(bytes, maxUncompressedBytes, true);
  } catch (error) {
    if (error instanceof MalformedRequest) throw new InvalidBatch('corrupt', error.message);
    if (error instanceof CompressionError) throw new InvalidBatch(error.kind === 'unsupported' ? 'compression' : 'corrupt', error.message);
    throw error;
  }
  if (converted.records.length === 0) throw new InvalidBatch('invalid', 'the message set holds no message');
  return encodeBatch(converted.records, { compression: converted.compression });
}

function readMessageSet(bytes: Buffer, maxUncompressedBytes: number, outer: boolean): { records: NewRecord[]; compression: number } {
  const r = new Reader(bytes);
  const records: NewRecord[] = [];
  let compression: number = Compression.none;
  while (r.remaining > 0) {
    r.int64();
    const size = r.int32();
    if (size < 0 || size > r.remaining) throw new MalformedRequest(`message of ${size} bytes with ${r.remaining} left`);
    const message = new Reader(bytes, r.offset, r.offset + size);
    r.offset += size;
    const crc = message.uint32();
    if (crc32(bytes.subarray(message.offset, message.offset + size - 4)) !== crc) throw new InvalidBatch('corrupt', 'message CRC-32 does not match');
    const magic = message.int8();
    if (magic !== 0 && magic !== 1) throw new InvalidBatch('invalid', `magic ${magic} inside a legacy message set`);
    const codec = message.int8() & 0x07;
    const timestamp = magic === 1 ? message.int64() : -1;
    const key = message.nullableBytes();
    const value = message.nullableBytes();
    message.expectEnd('message');
    if (codec === Compression.none) {
      records.push({ key, value, timestamp });
      continue;
    }
    if (!outer) throw new InvalidBatch('invalid', 'a compressed message inside a compressed message');
    if (codec === Compression.zstd) throw new CompressionError('unsupported', 'zstd needs message format v2 (Produce v7 and later)');
    if (value === null) throw new InvalidBatch('corrupt', 'a compressed message without a value');
    const inner = readMessageSet(decompress(codec, value, maxUncompressedBytes), maxUncompressedBytes, false);
    records.push(...inner.records);
    compression = codec;
  }
  return { records, compression };
}

/**
 * A legacy message set as an old producer writes it, compressed into one wrapper message when
 * `compression` is set; for tests and the fuzzer.
 */
export function encodeMessageSet(messages: LegacyMessage[], magic: 0 | 1, compression = 0): Buffer {
  const plain = Buffer.concat(messages.map((m, i) => encodeMessage(m, magic, 0, i)));
  if (compression === Compression.none) return plain;
  const last = messages.length - 1;
  return encodeMessage({ value: compress(compression, plain), timestamp: messages[last]?.timestamp }, magic, compression, last);
}

interface LegacyMessage {
  key?: Buffer | null;
  value: Buffer | null;
  timestamp?: number;
}

function encodeMessage(m: LegacyMessage, magic: 0 | 1, attributes: number, offset: number): Buffer {
  const key = m.key ?? null;
  const body = Buffer.alloc(2 + (magic === 1 ? 8 : 0) + 8 + (key?.length ?? 0) + (m.value?.length ?? 0));
  let at = body.writeInt8(magic, 0);
  at = body.writeInt8(attributes, at);
  if (magic === 1) at = body.writeBigInt64BE(BigInt(m.timestamp ?? 0), at);
  for (const field of [key, m.value]) {
    at = body.writeInt32BE(field === null ? -1 : field.length, at);
    if (field) at += field.copy(body, at);
  }
  const head = Buffer.alloc(16);
  head.writeBigInt64BE(BigInt(offset), 0);
  head.writeInt32BE(body.length + 4, 8);
  head.writeUInt32BE(crc32(body), 12);
  return Buffer.concat([head, body]);
}
