import { closest } from 'fastest-levenshtein';

/**
 * The component vocabulary of design.yaml: each entry a kind of component the course's design
 * katas talk about, with the product names and other words learners use for it. Compare
 * matches a design's components to a kata's expected components by these kinds, so a
 * component called `kafka` covers "a partitioned message broker". A component the vocabulary
 * does not name is declared with kind `free` and a purpose.
 */
export const vocabulary: Readonly<Record<string, readonly string[]>> = {
  'event-source': ['source', 'producer', 'agent', 'data-source', 'device', 'sensor'],
  'message-broker': ['broker', 'kafka', 'redpanda', 'pulsar', 'kinesis', 'event-log', 'log', 'event-bus', 'rabbitmq', 'queue', 'sqs', 'nats'],
  'mqtt-broker': ['mqtt', 'emqx', 'mosquitto', 'hivemq', 'iot-core', 'vernemq', 'mqtt-cluster', 'iot-hub'],
  'stream-processor': ['stream-processing', 'flink', 'kafka-streams', 'spark-streaming', 'normaliser', 'normalizer', 'aggregator', 'consumer'],
  'rule-engine': ['correlation-engine', 'correlator', 'cep', 'alerting-engine', 'rules', 'alert-engine', 'threshold-alerting'],
  'dead-letter-queue': ['dlq', 'dead-letter', 'dead-letter-topic', 'parking-lot'],
  'search-store': ['elasticsearch', 'opensearch', 'clickhouse', 'search-index', 'hot-storage'],
  'time-series-db': ['tsdb', 'timescaledb', 'influxdb', 'prometheus', 'time-series', 'questdb', 'timestream', 'victoriametrics', 'telemetry-store'],
  'object-store': ['s3', 'blob-store', 'gcs', 'cold-storage', 'parquet', 'data-lake'],
  'relational-db': ['postgres', 'postgresql', 'mysql', 'database', 'sql-db'],
  'key-value-store': ['redis', 'dynamodb', 'cache', 'kv-store'],
  'notification-service': ['notifier', 'alert-router', 'alert-routing', 'pager', 'pagerduty', 'notifications'],
  'orchestrator': ['saga-orchestrator', 'workflow-engine', 'rollout-orchestrator', 'ota-orchestrator', 'temporal', 'coordinator'],
  'device-registry': ['device-shadow', 'shadow-service', 'registry', 'inventory', 'device-twin', 'digital-twin', 'thing-registry'],
  'artifact-store': ['firmware-store', 'artifact-repository', 'registry-of-artifacts', 'artifacts', 'firmware-repository', 'image-store'],
  'api-gateway': ['gateway', 'ingress', 'edge-proxy', 'load-balancer'],
  'rest-api': ['api', 'query-api', 'backend', 'http-api', 'service-api'],
  'dashboard': ['ui', 'frontend', 'console', 'grafana', 'kibana'],
  'identity-provider': ['idp', 'auth', 'oauth', 'keycloak', 'auth-service'],
  'pseudonymiser': ['pseudonymizer', 'pii-masking', 'tokenizer', 'tokeniser', 'anonymiser'],
  'audit-log': ['access-log', 'audit-trail', 'audit'],
  'tenant-isolation': ['tenant-partitioning', 'row-level-security', 'rls'],
  'sync-queue': ['offline-queue', 'reconciliation-service', 'outbox', 'offline-reconciliation', 'reconciler'],
};

/** The word for a component the vocabulary does not name. */
export const freeKind = 'free';

const byWord = new Map<string, string>(
  Object.entries(vocabulary).flatMap(([kind, aliases]) => [[kind, kind] as const, ...aliases.map((alias) => [alias, kind] as const)]),
);

/** Lower case, hyphens for spaces and underscores: `Kafka Streams` and `kafka_streams` are one word. */
const normal = (word: string) => word.trim().toLowerCase().replace(/[\s_]+/g, '-');

/** The vocabulary entry a kind names (itself, or through an alias), or undefined. */
export function canonicalKind(kind: string): string | undefined {
  return byWord.get(normal(kind));
}

/** The nearest vocabulary word to an unknown kind, with the entry it stands for. */
export function nearestKind(kind: string): { word: string; kind: string } {
  const word = closest(normal(kind), [...byWord.keys()]);
  return { word, kind: byWord.get(word)! };
}
