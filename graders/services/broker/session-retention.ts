import type { BrokerOptions } from './broker-state.ts';

const MiB = 1024 * 1024;

/**
 * What `npm run services` gives its broker so that an afternoon of experiments cannot grow
 * it without bound (the issue saw 2.3 GiB): Kafka's retention settings, shorter than
 * Kafka's defaults, and the course broker's own cap on what all logs together hold, oldest
 * batches going first. A topic's own `retention.ms` / `retention.bytes` still win over the
 * first two; nothing wins over the cap.
 */
export const sessionRetention = {
  /** log.retention.ms: a day (Kafka: 7 days). */
  retentionMs: 24 * 60 * 60 * 1000,
  /** log.retention.bytes: 64 MiB per partition (Kafka: unlimited). */
  retentionBytes: 64 * MiB,
  /** The retention check every 10 s (Kafka: log.retention.check.interval.ms, 5 minutes). */
  cleanerIntervalMs: 10_000,
  logMemoryCapBytes: 256 * MiB,
} as const satisfies BrokerOptions;

/** One line for the console: what is kept and the memory cap, in the learner's units. */
export function describeSessionRetention(options: typeof sessionRetention | BrokerOptions = sessionRetention): string {
  const mib = (bytes: number | undefined) => (bytes === undefined || bytes < 0 ? 'no limit' : `${Math.round(bytes / MiB)} MiB`);
  const hours = options.retentionMs === undefined ? '7 days' : `${options.retentionMs / 3_600_000} h`;
  return (
    `  retention: ${hours} and ${mib(options.retentionBytes)} per partition by default (a topic's retention.ms / retention.bytes win); ` +
    `memory cap for all logs: ${mib(options.logMemoryCapBytes)}, oldest records deleted first`
  );
}
