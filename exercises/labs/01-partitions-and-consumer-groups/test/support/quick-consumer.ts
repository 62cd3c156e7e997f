import type { ConsumerConfig } from 'kafkajs';

/**
 * Consumer settings that keep group tests quick on any provider: short fetch waits and
 * frequent heartbeats, so members notice a rebalance within a fraction of a second, and
 * quick retries after a handler throws. The session timeout stays above the broker's
 * minimum (group.min.session.timeout.ms).
 */
export function quickConsumer(groupId: string): ConsumerConfig {
  return {
    groupId,
    sessionTimeout: 6_000,
    rebalanceTimeout: 10_000,
    heartbeatInterval: 200,
    maxWaitTimeInMs: 100,
    retry: { initialRetryTime: 50, retries: 8 },
  };
}
