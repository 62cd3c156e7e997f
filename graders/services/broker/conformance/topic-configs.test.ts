import { ConfigResourceTypes, ConfigSource } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { freshKafka } from '../../../testkit/harness/kafka-topic.ts';

const topicResource = (name: string, configNames?: string[]) => ({ type: ConfigResourceTypes.TOPIC, name, ...(configNames && { configNames }) });

describe('topic configs through the admin client', () => {
  it('describes the defaults, then the values AlterConfigs sets, and AlterConfigs replaces the whole set', async () => {
    await using kafka = await freshKafka('topic-configs');
    const describe = async () => {
      const names = ['cleanup.policy', 'retention.ms', 'retention.bytes'];
      const { resources } = await kafka.admin.describeConfigs({ resources: [topicResource(kafka.topic, names)], includeSynonyms: false });
      return Object.fromEntries(resources[0]!.configEntries.map((e) => [e.configName, { value: e.configValue, source: e.configSource }]));
    };
    const before = await describe();
    expect(before['cleanup.policy']).toEqual({ value: 'delete', source: ConfigSource.DEFAULT_CONFIG });
    expect(before['retention.bytes']).toEqual({ value: '-1', source: ConfigSource.DEFAULT_CONFIG });

    const set = (configEntries: { name: string; value: string }[]) =>
      kafka.admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: kafka.topic, configEntries }] });
    await set([{ name: 'retention.ms', value: '3600000' }, { name: 'retention.bytes', value: '1048576' }]);
    expect(await describe()).toMatchObject({
      'retention.ms': { value: '3600000', source: ConfigSource.TOPIC_CONFIG },
      'retention.bytes': { value: '1048576', source: ConfigSource.TOPIC_CONFIG },
    });
    // AlterConfigs is not incremental: what the request leaves out returns to its default.
    await set([{ name: 'retention.ms', value: '7200000' }]);
    const after = await describe();
    expect(after['retention.ms']).toEqual({ value: '7200000', source: ConfigSource.TOPIC_CONFIG });
    expect(after['retention.bytes']).toEqual({ value: '-1', source: ConfigSource.DEFAULT_CONFIG });
  });

  it('takes cleanup.policy=compact at creation and refuses values that are not configs', async () => {
    await using kafka = await freshKafka('topic-configs-compact');
    const compacted = `${kafka.topic}-compacted`;
    const configEntries = [{ name: 'cleanup.policy', value: 'compact' }];
    expect(await kafka.admin.createTopics({ topics: [{ topic: compacted, configEntries }], waitForLeaders: true })).toBe(true);
    try {
      const { resources } = await kafka.admin.describeConfigs({ resources: [topicResource(compacted, ['cleanup.policy'])], includeSynonyms: false });
      expect(resources[0]!.configEntries[0]).toMatchObject({ configName: 'cleanup.policy', configValue: 'compact' });
    } finally {
      await kafka.admin.deleteTopics({ topics: [compacted] });
    }
    const badValue = { topic: `${kafka.topic}-bad`, configEntries: [{ name: 'retention.ms', value: 'a week' }] };
    await expect(kafka.admin.createTopics({ topics: [badValue] })).rejects.toMatchObject({ errors: [expect.objectContaining({ type: 'INVALID_CONFIG' })] });
    const alterBad = kafka.admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: kafka.topic, configEntries: [{ name: 'cleanup.policy', value: 'shred' }] }],
    });
    await expect(alterBad).rejects.toMatchObject({ type: 'INVALID_CONFIG' });
  });
});
