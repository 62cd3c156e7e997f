/*
 * The record compression codecs of Kafka's attributes bits 0-2, through maintained libraries:
 *   1 gzip    node:zlib
 *   2 snappy  `snappy` (raw snappy, as librdkafka writes it, or the xerial framing that the
 *             Java client and kafkajs-snappy write: "\x82SNAPPY\0", two INT32 versions, then
 *             blocks of INT32 length + raw snappy)
 *   3 lz4     `lz4-napi` (the LZ4 frame format, which Kafka uses from message format v1 on)
 *   4 zstd    node:zlib's zstd, in Node 22.15 and later; refused on older Node
 * Decompression is bounded by `maxOutputBytes` so a small hostile batch cannot inflate into
 * gigabytes.
 */
import * as zlib from 'node:zlib';
import { createRequire } from 'node:module';

// The native codecs load on first use, not with the broker: exercise test workers run under
// Node's permission model, which refuses native addons, and most never see snappy or lz4.
const requireNative = createRequire(import.meta.url);
let lz4Module: typeof import('lz4-napi') | undefined;
let snappyModule: typeof import('snappy') | undefined;
const lz4 = () => (lz4Module ??= requireNative('lz4-napi') as typeof import('lz4-napi'));
const snappy = () => (snappyModule ??= requireNative('snappy') as typeof import('snappy'));

export const Compression = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const;
export type CompressionName = keyof typeof Compression;
export const compressionNames = Object.keys(Compression) as CompressionName[];

/** Why records could not be decompressed: an unknown codec, or bytes that are not that codec. */
export class CompressionError extends Error {
  readonly kind: 'unsupported' | 'corrupt';
  constructor(kind: 'unsupported' | 'corrupt', message: string) {
    super(message);
    this.kind = kind;
  }
}

/** Node 22.15+ and 24 have zstd in zlib; typed loosely so older @types/node still compile. */
const zstd = zlib as unknown as {
  zstdCompressSync?: (input: Buffer) => Buffer;
  zstdDecompressSync?: (input: Buffer, options: { maxOutputLength: number }) => Buffer;
};
export const zstdAvailable = typeof zstd.zstdDecompressSync === 'function' && typeof zstd.zstdCompressSync === 'function';

const xerialMagic = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const xerialHeaderSize = 16;

export function compress(codec: number, bytes: Buffer): Buffer {
  switch (codec) {
    case Compression.none:
      return bytes;
    case Compression.gzip:
      return zlib.gzipSync(bytes);
    case Compression.snappy:
      return snappy().compressSync(bytes);
    case Compression.lz4:
      return lz4().compressFrameSync(bytes);
    case Compression.zstd:
      if (!zstdAvailable) throw new CompressionError('unsupported', `zstd needs Node 22.15 or later (this is ${process.version})`);
      return zstd.zstdCompressSync!(bytes);
    default:
      throw new CompressionError('unsupported', `compression type ${codec} does not exist (0-4 do)`);
  }
}

export function decompress(codec: number, bytes: Buffer, maxOutputBytes: number): Buffer {
  if (codec === Compression.none) return bytes;
  if (codec === Compression.zstd && !zstdAvailable) {
    throw new CompressionError('unsupported', `zstd records need Node 22.15 or later on the broker (this is ${process.version})`);
  }
  if (codec < 0 || codec > Compression.zstd) throw new CompressionError('unsupported', `compression type ${codec} does not exist (0-4 do)`);
  let out: Buffer;
  try {
    out = decompressKnown(codec, bytes, maxOutputBytes);
  } catch (error) {
    if (error instanceof CompressionError) throw error;
    throw new CompressionError('corrupt', `${compressionNames[codec]} records do not decompress: ${(error as Error).message}`);
  }
  if (out.length > maxOutputBytes) throw new CompressionError('corrupt', `${compressionNames[codec]} records decompress to more than ${maxOutputBytes} bytes`);
  return out;
}

function decompressKnown(codec: number, bytes: Buffer, maxOutputBytes: number): Buffer {
  if (codec === Compression.gzip) return zlib.gunzipSync(bytes, { maxOutputLength: maxOutputBytes });
  if (codec === Compression.zstd) return zstd.zstdDecompressSync!(bytes, { maxOutputLength: maxOutputBytes });
  if (codec === Compression.lz4) return lz4().decompressFrameSync(bytes);
  if (bytes.length >= xerialHeaderSize && bytes.subarray(0, xerialMagic.length).equals(xerialMagic)) {
    return unframeXerial(bytes, maxOutputBytes);
  }
  return snappyBlock(bytes, maxOutputBytes);
}

function unframeXerial(bytes: Buffer, maxOutputBytes: number): Buffer {
  const blocks: Buffer[] = [];
  let size = 0;
  for (let at = xerialHeaderSize; at < bytes.length; ) {
    if (at + 4 > bytes.length) throw new CompressionError('corrupt', 'xerial snappy block length cut short');
    const length = bytes.readInt32BE(at);
    at += 4;
    if (length < 0 || at + length > bytes.length) throw new CompressionError('corrupt', `xerial snappy block of ${length} bytes overruns the records`);
    const block = snappyBlock(bytes.subarray(at, at + length), maxOutputBytes - size);
    blocks.push(block);
    size += block.length;
    at += length;
  }
  return Buffer.concat(blocks);
}

/** Raw snappy starts with its uncompressed length as a varint: checked before inflating. */
function snappyBlock(bytes: Buffer, maxOutputBytes: number): Buffer {
  let length = 0;
  for (let i = 0, shift = 0; ; i++, shift += 7) {
    if (i >= bytes.length || i >= 5) throw new CompressionError('corrupt', 'snappy length preamble is broken');
    length += (bytes[i]! & 0x7f) * 2 ** shift;
    if ((bytes[i]! & 0x80) === 0) break;
  }
  if (length > maxOutputBytes) throw new CompressionError('corrupt', `snappy records decompress to more than ${maxOutputBytes} bytes`);
  return snappy().uncompressSync(bytes, { asBuffer: true }) as Buffer;
}
