/**
 * Topic configurations by their Kafka names: which ones the broker acts on, their defaults,
 * and the checks CreateTopics, AlterConfigs and IncrementalAlterConfigs apply before storing
 * a value. A topic stores only the values set on it; everything else falls back to the
 * broker's default (its `log.*` setting) and then to Kafka's default.
 */

/** Where a value came from, as DescribeConfigs v1+ reports it (Kafka's ConfigSource). */
export const ConfigSource = { DYNAMIC_TOPIC_CONFIG: 1, STATIC_BROKER_CONFIG: 4, DEFAULT_CONFIG: 5 } as const;

/** The broker-wide defaults a topic falls back to, by the topic config they stand for. */
export interface TopicDefaults {
  'retention.ms': number;
  'retention.bytes': number;
}

interface Definition {
  kafkaDefault: string;
  /** The broker setting that supplies the default, where the course broker has one. */
  brokerSetting?: { name: string; key: keyof TopicDefaults };
  /** Why a value is refused, or undefined when it is fine. */
  problem?: (value: string) => string | undefined;
}

const longAtLeast = (minimum: number) => (value: string) =>
  /^-?\d+$/.test(value) && Number(value) >= minimum && Number.isSafeInteger(Number(value))
    ? undefined
    : `must be a whole number of at least ${minimum}`;

const policyProblem = (value: string) => {
  const policies = value.split(',').map((p) => p.trim());
  return policies.length > 0 && policies.every((p) => p === 'delete' || p === 'compact')
    ? undefined
    : 'must be "delete", "compact" or both, comma-separated';
};

/** Acted on by this broker. */
const actedOn: Record<string, Definition> = {
  'cleanup.policy': { kafkaDefault: 'delete', problem: policyProblem },
  'retention.ms': { kafkaDefault: '604800000', brokerSetting: { name: 'log.retention.ms', key: 'retention.ms' }, problem: longAtLeast(-1) },
  'retention.bytes': { kafkaDefault: '-1', brokerSetting: { name: 'log.retention.bytes', key: 'retention.bytes' }, problem: longAtLeast(-1) },
  'delete.retention.ms': { kafkaDefault: '86400000', problem: longAtLeast(0) },
};

/** Accepted, stored and described, but with no effect on a one-broker, in-memory log. */
const acceptedOnly: Record<string, Definition> = Object.fromEntries(
  Object.entries({
    'compression.type': 'producer',
    'file.delete.delay.ms': '60000',
    'flush.messages': '9223372036854775807',
    'flush.ms': '9223372036854775807',
    'index.interval.bytes': '4096',
    'max.compaction.lag.ms': '9223372036854775807',
    'max.message.bytes': '1048588',
    'message.timestamp.type': 'CreateTime',
    'min.cleanable.dirty.ratio': '0.5',
    'min.compaction.lag.ms': '0',
    'min.insync.replicas': '1',
    preallocate: 'false',
    'segment.bytes': '1073741824',
    'segment.index.bytes': '10485760',
    'segment.jitter.ms': '0',
    'segment.ms': '604800000',
    'unclean.leader.election.enable': 'false',
  }).map(([name, kafkaDefault]) => [name, { kafkaDefault }]),
);

const definitions: Record<string, Definition> = { ...actedOn, ...acceptedOnly };

export const topicConfigNames = Object.keys(definitions).sort();

/** Why `name = value` cannot be set on a topic, in Kafka's words where it has them. */
export function topicConfigProblem(name: string, value: string | null): string | undefined {
  const definition = definitions[name];
  if (!definition) return `Unknown topic config name: ${name}. The course broker knows ${topicConfigNames.join(', ')}.`;
  if (value === null) return `Null value not supported for topic config ${name}.`;
  const problem = definition.problem?.(value);
  return problem ? `Invalid value ${value} for configuration ${name}: ${problem}.` : undefined;
}

/** A topic config as DescribeConfigs reports it. */
export interface DescribedConfig {
  name: string;
  value: string;
  source: number;
  /** Where the value would come from if the topic did not set it (Kafka's synonyms, lowest last). */
  synonyms: { name: string; value: string; source: number }[];
}

/** Every config of a topic, or those named, with the value in force and where it came from. */
export function describeTopicConfigs(set: ReadonlyMap<string, string | null>, defaults: Partial<TopicDefaults>, names?: readonly string[]): DescribedConfig[] {
  return (names ?? topicConfigNames)
    .filter((name) => definitions[name])
    .map((name) => {
      const definition = definitions[name]!;
      const synonyms: DescribedConfig['synonyms'] = [];
      const own = set.get(name);
      if (own !== undefined && own !== null) synonyms.push({ name, value: own, source: ConfigSource.DYNAMIC_TOPIC_CONFIG });
      const brokerValue = definition.brokerSetting && defaults[definition.brokerSetting.key];
      if (brokerValue !== undefined && definition.brokerSetting) {
        synonyms.push({ name: definition.brokerSetting.name, value: String(brokerValue), source: ConfigSource.STATIC_BROKER_CONFIG });
      }
      const top = synonyms[0] ?? { value: definition.kafkaDefault, source: ConfigSource.DEFAULT_CONFIG };
      return { name, value: top.value, source: top.source, synonyms };
    });
}

/** The value in force for one config of a topic. */
export function topicConfig(set: ReadonlyMap<string, string | null>, defaults: Partial<TopicDefaults>, name: string): string {
  return describeTopicConfigs(set, defaults, [name])[0]?.value ?? '';
}

/** The cleanup policies in force: `delete` (retention), `compact`, or both. */
export function cleanupPolicies(set: ReadonlyMap<string, string | null>): { delete: boolean; compact: boolean } {
  const policies = (set.get('cleanup.policy') ?? 'delete').split(',').map((p) => p.trim());
  return { delete: policies.includes('delete'), compact: policies.includes('compact') };
}
