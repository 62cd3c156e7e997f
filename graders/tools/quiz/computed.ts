import { competingConsumersHandled, partitionShares } from './computed-broker.ts';
import { stagedOutcome } from './computed-outbox.ts';
import { counterWithDedup, counterWithoutDedup, pubsubTwoServices } from './computed-bus.ts';

/**
 * The answers of the bank's `computed:` items, worked out by running course code (the
 * in-memory bus of the saga exercises, the course's Kafka-protocol broker with kafkajs
 * consumers, the crash outcomes Kata 2's failure-modes test proves) instead of being typed in. bank.test.ts compares each with the bank.
 */
export const computations: Record<string, () => Promise<number | string>> = {
  'pubsub-two-services': pubsubTwoServices,
  'queue-two-workers': competingConsumersHandled,
  'cg-three-partitions-two-consumers': async () => Math.max(...(await partitionShares(3, 2)).map((s) => s.length)),
  'cg-four-consumers-idle': async () => (await partitionShares(3, 4)).filter((s) => s.length === 0).length,
  'idem-counter-duplicate': counterWithoutDedup,
  'idem-dedup-by-id': counterWithDedup,
  'outbox-relay-dies-after-select': () => stagedOutcome('Relay dies after SELECT, before publish'),
  'outbox-relay-dies-after-publish': () => stagedOutcome('Relay publishes, dies before UPDATE'),
  'outbox-commit-then-die': () => stagedOutcome('Database commits, process dies before returning'),
  'outbox-broker-rejects-then-recovers': () => stagedOutcome('Broker rejects the publish'),
};
