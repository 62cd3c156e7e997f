import { crc32 as crc32Of } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Compression } from './compression.ts';
import { encodeMessageSet, isLegacyMessageSet, upConvertMessageSet } from './legacy-message-set.ts';
import { encodeBatch, validateBatch } from './record-batch.ts';

const messages = [
  { key: Buffer.from('k1'), value: Buffer.from('v1'), timestamp: 1_000 },
  { key: null, value: Buffer.from('v2'), timestamp: 1_007 },
];

describe('up-converting message sets v0 and v1 to a record batch v2', () => {
  it.each([
    ['v1 plain', 1, Compression.none],
    ['v1 gzip', 1, Compression.gzip],
    ['v1 snappy', 1, Compression.snappy],
    ['v1 lz4', 1, Compression.lz4],
    ['v0 gzip', 0, Compression.gzip],
  ] as const)('keeps keys, values, timestamps (v1) and the codec: %s', (_name, magic, compression) => {
    const set = encodeMessageSet(messages, magic, compression);
    expect(isLegacyMessageSet(set)).toBe(true);
    const { header, records } = validateBatch(upConvertMessageSet(set, 1 << 20), 1 << 20);
    expect(header).toMatchObject({ magic: 2, compression, recordCount: 2, producerId: -1 });
    expect(records.map((r) => [r.key?.toString() ?? null, r.value?.toString(), r.timestamp])).toEqual([
      ['k1', 'v1', magic === 1 ? 1_000 : -1],
      [null, 'v2', magic === 1 ? 1_007 : -1],
    ]);
  });

  it('tells a record batch v2 from a legacy message set by its magic byte', () => {
    expect(isLegacyMessageSet(encodeBatch([{ value: Buffer.from('v') }]))).toBe(false);
  });

  it('refuses a damaged message, a truncated set and zstd, which the old formats never had', () => {
    const set = encodeMessageSet(messages, 1);
    const damaged = Buffer.from(set);
    damaged[damaged.length - 1]! ^= 0xff;
    expect(() => upConvertMessageSet(damaged, 1 << 20)).toThrow(expect.objectContaining({ kind: 'corrupt' }));
    expect(() => upConvertMessageSet(set.subarray(0, set.length - 2), 1 << 20)).toThrow(expect.objectContaining({ kind: 'corrupt' }));
    const zstdWrapper = encodeMessageSet(messages, 1, Compression.gzip);
    zstdWrapper.writeInt8(Compression.zstd, 17);
    // Fix the CRC up so the codec, not the checksum, is what gets refused.
    zstdWrapper.writeUInt32BE(crc32Of(zstdWrapper.subarray(16)), 12);
    expect(() => upConvertMessageSet(zstdWrapper, 1 << 20)).toThrow(expect.objectContaining({ kind: 'compression' }));
  });
});

