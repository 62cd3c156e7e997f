import { describe, expect, it } from 'vitest';
import { Compression, compressionNames, zstdAvailable } from './compression.ts';
import { crc32c } from './crc32c.ts';
import { encodeBatch, InvalidBatch, validateBatch } from './record-batch.ts';

describe('crc32c', () => {
  it('matches the standard check value for "123456789"', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });
});

describe('validateBatch', () => {
  const records = [
    { key: Buffer.from('k'), value: Buffer.from('v1'), timestamp: 1_000, headers: [{ key: 'h', value: Buffer.from('x') }] },
    { key: null, value: null, timestamp: 1_005 },
  ];

  const codecs = compressionNames.filter((name) => name !== 'zstd' || zstdAvailable);
  it.each(codecs)('reads back what was encoded (compression %s)', (name) => {
    const compression = Compression[name];
    const { header, records: decoded } = validateBatch(encodeBatch(records, { compression }), 1 << 20);
    expect(header).toMatchObject({ recordCount: 2, lastOffsetDelta: 1, maxTimestamp: 1_005, compression });
    expect(decoded).toEqual([
      { offset: 0, timestamp: 1_000, key: Buffer.from('k'), value: Buffer.from('v1'), headers: [{ key: 'h', value: Buffer.from('x') }] },
      { offset: 1, timestamp: 1_005, key: null, value: null, headers: [] },
    ]);
  });

  it('refuses a batch whose bytes no longer match its CRC', () => {
    const batch = encodeBatch(records);
    batch[batch.length - 1]! ^= 0xff;
    expect(() => validateBatch(batch, 1 << 20)).toThrow(expect.objectContaining({ kind: 'corrupt' }));
  });

  it('refuses a truncated batch and trailing bytes as invalid', () => {
    const batch = encodeBatch(records);
    expect(() => validateBatch(batch.subarray(0, batch.length - 3), 1 << 20)).toThrow(InvalidBatch);
    expect(() => validateBatch(Buffer.concat([batch, Buffer.alloc(3)]), 1 << 20)).toThrow(InvalidBatch);
  });

  it('refuses a compression type Kafka does not define', () => {
    const batch = encodeBatch(records);
    batch.writeInt16BE(5, 21); // the CRC now fails first, so fix it up
    batch.writeUInt32BE(crc32c(batch, 21), 17);
    expect(() => validateBatch(batch, 1 << 20)).toThrow(expect.objectContaining({ kind: 'compression' }));
  });
});
