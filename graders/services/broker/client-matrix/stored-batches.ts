import { compressionNames } from '../records/compression.ts';
import { decodeRecords, readBatchHeader } from '../records/record-batch.ts';
import type { EmbeddedBroker } from '../start-embedded-broker.ts';

/**
 * The batches of partition 0 as the broker stored them: the codec each was sent with and its
 * values. A consumer cannot tell a gzip batch from a plain one; the log can, which is how
 * the codec tests catch a client that silently stopped compressing.
 */
export function storedBatches(broker: EmbeddedBroker, topic: string): { codec: string; values: string[] }[] {
  const log = broker.state.topics.partition(topic, 0)?.log;
  if (!log) throw new Error(`topic ${topic} has no partition 0 on this broker`);
  return log.read(0, Number.MAX_SAFE_INTEGER, true).map((bytes) => {
    const header = readBatchHeader(bytes);
    return {
      codec: compressionNames[header.compression] ?? `unknown ${header.compression}`,
      // Values padded to make them compressible are cut at their first ':'.
      values: decodeRecords(bytes, header).map((r) => r.value?.toString().split(':')[0] ?? '<null>'),
    };
  });
}

/** The codecs every client is asked for, in this order. */
export const codecs = ['gzip', 'snappy', 'lz4', 'zstd'] as const;

/** Each value with the codec its batch was stored with, batch boundaries aside. */
export function storedCodecs(broker: EmbeddedBroker, topic: string): [string, string][] {
  return storedBatches(broker, topic).flatMap((batch) => batch.values.map((value): [string, string] => [batch.codec, value]));
}

/** What storedCodecs shows when a client sent `label-1` and `label-2` with each codec. */
export const expectedCodecs = codecs.flatMap((codec) => [1, 2].map((n): [string, string] => [codec, `${codec}-${n}`]));

/** A value librdkafka will compress: it sends a batch uncompressed when that is smaller. */
export const padded = (label: string) => `${label}:${'x'.repeat(1000)}`;
