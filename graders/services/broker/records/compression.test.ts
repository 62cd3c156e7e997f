import { compressSync } from 'snappy';
import { describe, expect, it } from 'vitest';
import { Compression, CompressionError, decompress } from './compression.ts';

/** The framing the Java client and kafkajs-snappy write: magic, version 1, compatible 1, blocks. */
function xerialFrame(blocks: Buffer[]): Buffer {
  const header = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]);
  const framed = blocks.flatMap((block) => {
    const compressed = compressSync(block);
    const length = Buffer.alloc(4);
    length.writeInt32BE(compressed.length);
    return [length, compressed];
  });
  return Buffer.concat([header, ...framed]);
}

describe('snappy records', () => {
  it('reads raw snappy (librdkafka) and xerial-framed snappy (Java, kafkajs-snappy) alike', () => {
    const text = Buffer.from('the same records, twice over');
    expect(decompress(Compression.snappy, compressSync(text), 1 << 20)).toEqual(text);
    expect(decompress(Compression.snappy, xerialFrame([text.subarray(0, 9), text.subarray(9)]), 1 << 20)).toEqual(text);
  });

  it('refuses records that would inflate past the limit before inflating them', () => {
    const big = compressSync(Buffer.alloc(100_000));
    expect(() => decompress(Compression.snappy, big, 1_000)).toThrow(expect.objectContaining({ kind: 'corrupt' }));
    expect(() => decompress(Compression.snappy, xerialFrame([Buffer.alloc(900), Buffer.alloc(900)]), 1_000)).toThrow(CompressionError);
  });
});

describe('decompress', () => {
  it('calls bytes that are not the codec they claim corrupt', () => {
    for (const codec of [Compression.gzip, Compression.snappy, Compression.lz4]) {
      expect(() => decompress(codec, Buffer.from('not compressed at all'), 1 << 20)).toThrow(expect.objectContaining({ kind: 'corrupt' }));
    }
  });
});
