import type { ConsumerConfig } from 'kafkajs';

/**
 * Consumer settings that keep group tests quick on any provider: short fetch waits and
 * frequent heartbeats, so members notice a rebalance within a fraction of a second.
 * The session timeout is above the course's group.min.session.timeout.ms (1 s).
 */
export function quickConsumer(groupId: string, overrides: Partial<ConsumerConfig> = {}): ConsumerConfig {
  return {
    groupId,
    sessionTimeout: 6_000,
    rebalanceTimeout: 10_000,
    heartbeatInterval: 200,
    maxWaitTimeInMs: 100,
    retry: { initialRetryTime: 50, retries: 8 },
    ...overrides,
  };
}
