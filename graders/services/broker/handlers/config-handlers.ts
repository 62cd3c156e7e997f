import type { BrokerState } from '../broker-state.ts';
import { courseBrokerSettings } from '../course-settings.ts';
import { ConfigSource, describeTopicConfigs, topicConfigProblem } from '../log/topic-configs.ts';
import type { Topic } from '../log/topic-store.ts';
import { alterConfigsApi, type AlterConfigsResponse } from '../protocol/alter-configs.ts';
import { type DescribedConfigEntry, describeConfigsApi } from '../protocol/describe-configs.ts';
import { ErrorCode } from '../protocol/error-codes.ts';
import { incrementalAlterConfigsApi } from '../protocol/incremental-alter-configs.ts';
import { handler } from './handler.ts';

/** Kafka's ConfigResource types this broker answers for. */
const topicResource = 2;
const brokerResource = 4;

type Outcome = { errorCode: number; errorMessage: string | null };
const ok: Outcome = { errorCode: ErrorCode.NONE, errorMessage: null };

export const describeConfigsHandler = handler(describeConfigsApi, (state, request) => ({
  results: request.resources.map(({ type, name, keys }) => {
    const result = { type, name, ...ok, configs: [] as DescribedConfigEntry[] };
    if (type === brokerResource) {
      if (name !== '' && name !== String(state.nodeId)) return { ...result, ...failure(ErrorCode.INVALID_REQUEST, `Broker id ${name} is not this broker (${state.nodeId}).`) };
      return { ...result, configs: brokerConfigs(state, keys) };
    }
    const topic = state.topics.get(name);
    const problem = resourceProblem(type, name, topic);
    if (problem) return { ...result, ...problem };
    const configs = describeTopicConfigs(topic!.configs, state.topicDefaults, keys ?? undefined).map((c) => ({
      ...c,
      readOnly: false,
      synonyms: request.includeSynonyms ? c.synonyms : [],
    }));
    return { ...result, configs };
  }),
}));

/** The broker's own settings, as a BROKER resource describes them: all fixed when it started. */
function brokerConfigs(state: BrokerState, keys: string[] | null): DescribedConfigEntry[] {
  const settings: Record<string, string | number | boolean> = {
    ...courseBrokerSettings,
    'log.retention.ms': state.topicDefaults['retention.ms'] ?? 604_800_000,
    'log.retention.bytes': state.topicDefaults['retention.bytes'] ?? -1,
  };
  return Object.entries(settings)
    .filter(([name]) => keys === null || keys.includes(name))
    .map(([name, value]) => ({ name, value: String(value), readOnly: true, source: ConfigSource.STATIC_BROKER_CONFIG, synonyms: [] }));
}

function failure(errorCode: number, errorMessage: string): Outcome {
  return { errorCode, errorMessage };
}

function resourceProblem(type: number, name: string, topic: Topic | undefined): Outcome | undefined {
  if (type === brokerResource) return failure(ErrorCode.INVALID_REQUEST, 'The course broker\'s settings are fixed when it starts; alter topic configs instead.');
  if (type !== topicResource) return failure(ErrorCode.INVALID_REQUEST, `Resource type ${type} is not supported: the course broker has topic (2) and broker (4) configs.`);
  if (!topic) return failure(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic ${name} does not exist.`);
  return undefined;
}

/**
 * Checks every resource's new configs and applies them all unless one is refused or the
 * request only validates; each resource succeeds or fails on its own, as in Kafka.
 */
function alter(
  state: BrokerState,
  resources: { type: number; name: string }[],
  validateOnly: boolean,
  next: (index: number, current: ReadonlyMap<string, string | null>) => Map<string, string> | Outcome,
): AlterConfigsResponse {
  return {
    responses: resources.map(({ type, name }, index) => {
      const topic = state.topics.get(name);
      const problem = resourceProblem(type, name, topic);
      if (problem) return { type, name, ...problem };
      const configs = next(index, topic!.configs);
      if (!(configs instanceof Map)) return { type, name, ...configs };
      for (const [key, value] of configs) {
        const refused = topicConfigProblem(key, value);
        if (refused) return { type, name, ...failure(ErrorCode.INVALID_CONFIG, refused) };
      }
      if (!validateOnly) {
        topic!.configs.clear();
        for (const [key, value] of configs) topic!.configs.set(key, value);
      }
      return { type, name, ...ok };
    }),
  };
}

/** AlterConfigs replaces a topic's configs: whatever the request leaves out goes back to its default. */
export const alterConfigsHandler = handler(alterConfigsApi, (state, request) =>
  alter(state, request.resources, request.validateOnly, (index) => {
    const entries = request.resources[index]!.configs;
    const nullValue = entries.find((c) => c.value === null);
    if (nullValue) return failure(ErrorCode.INVALID_CONFIG, `Null value not supported for topic config ${nullValue.name}.`);
    return new Map(entries.map((c) => [c.name, c.value!]));
  }),
);

const SET = 0;
const DELETE = 1;
const APPEND = 2;
const SUBTRACT = 3;
/** The list-typed configs APPEND and SUBTRACT work on. */
const listConfigs = new Set(['cleanup.policy']);

export const incrementalAlterConfigsHandler = handler(incrementalAlterConfigsApi, (state, request) =>
  alter(state, request.resources, request.validateOnly, (index, current) => {
    const configs = new Map([...current].filter((entry): entry is [string, string] => entry[1] !== null));
    for (const { name, operation, value } of request.resources[index]!.configs) {
      if (operation === DELETE) {
        configs.delete(name);
        continue;
      }
      if (value === null) return failure(ErrorCode.INVALID_CONFIG, `Null value not supported for topic config ${name}.`);
      if (operation === SET) configs.set(name, value);
      else if (operation === APPEND || operation === SUBTRACT) {
        if (!listConfigs.has(name)) return failure(ErrorCode.INVALID_CONFIG, `Config ${name} is not a list, so it cannot be appended to or subtracted from.`);
        const items = (configs.get(name) ?? describeTopicConfigs(current, state.topicDefaults, [name])[0]!.value).split(',').filter(Boolean);
        const changes = value.split(',').filter(Boolean);
        const updated = operation === APPEND ? [...items, ...changes.filter((c) => !items.includes(c))] : items.filter((i) => !changes.includes(i));
        configs.set(name, updated.join(','));
      } else return failure(ErrorCode.INVALID_REQUEST, `Unknown config operation ${operation} (0 SET, 1 DELETE, 2 APPEND, 3 SUBTRACT).`);
    }
    return configs;
  }),
);
