import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import { Compression, compress, decompress } from '../records/compression.ts';

/**
 * kafkajs ships gzip only and looks the other codecs up in its CompressionCodecs table; this
 * fills it with the broker's own codecs (snappy, lz4-napi, node:zlib zstd), which is what
 * kafkajs-snappy and kafkajs-lz4 do for one codec each.
 */
export function registerKafkajsCodecs(): void {
  const codec = (type: number) => () => ({
    compress: async (encoder: { buffer: Buffer }) => compress(type, encoder.buffer),
    decompress: async (buffer: Buffer) => decompress(type, buffer, 256 * 1024 * 1024),
  });
  CompressionCodecs[CompressionTypes.Snappy] = codec(Compression.snappy);
  CompressionCodecs[CompressionTypes.LZ4] = codec(Compression.lz4);
  CompressionCodecs[CompressionTypes.ZSTD] = codec(Compression.zstd);
}
