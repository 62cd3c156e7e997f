/**
 * Broker settings the course relies on, by their Kafka configuration names, in one place:
 * the embedded broker takes them as its defaults and the Testcontainers provider passes them
 * to real Kafka, so tests see the same rules from both. They differ from Kafka's defaults
 * only to keep tests quick: a consumer session may be as short as one second, a new
 * group forms at once instead of after Kafka's three-second initial rebalance delay, and
 * Kafka looks for timed-out transactions every second instead of every ten.
 */
export const courseBrokerSettings = {
  'group.min.session.timeout.ms': 1000,
  'group.max.session.timeout.ms': 1_800_000,
  'group.initial.rebalance.delay.ms': 0,
  'auto.create.topics.enable': true,
  'num.partitions': 1,
  'message.max.bytes': 1_048_588,
  'socket.request.max.bytes': 104_857_600,
  'transaction.max.timeout.ms': 900_000,
  'transaction.abort.timed.out.transaction.cleanup.interval.ms': 1_000,
} as const;
