import { describe, expect, it } from 'vitest';
import { BrokerState } from './broker-state.ts';
import { ManualTimers } from './group/timers.ts';
import { describeTopicConfigs } from './log/topic-configs.ts';
import { encodeBatch, readBatchHeader } from './records/record-batch.ts';
import { describeSessionRetention, sessionRetention } from './session-retention.ts';

describe('the retention npm run services gives its broker', () => {
  it('is printed with its memory cap and is what a new topic falls back to', () => {
    expect(describeSessionRetention()).toBe(
      "  retention: 24 h and 64 MiB per partition by default (a topic's retention.ms / retention.bytes win); " +
        'memory cap for all logs: 256 MiB, oldest records deleted first',
    );
    const state = new BrokerState({ ...sessionRetention, timers: new ManualTimers() }, () => {});
    const described = describeTopicConfigs(new Map([['retention.ms', '1000']]), state.topicDefaults, ['retention.ms', 'retention.bytes']);
    expect(described.map((c) => [c.name, c.value, c.synonyms.map((s) => s.name)])).toEqual([
      ['retention.ms', '1000', ['retention.ms', 'log.retention.ms']],
      ['retention.bytes', String(64 * 2 ** 20), ['log.retention.bytes']],
    ]);
  });

  it('trims the logs to the memory cap right after the appends that passed it, without waiting for the cleaner', async () => {
    const batch = encodeBatch([{ value: Buffer.alloc(1000) }]);
    const perBatch = batch.length + 200;
    const timers = new ManualTimers();
    const state = new BrokerState({ timers, logMemoryCapBytes: 3 * perBatch }, () => {});
    const log = state.topics.create('t', 1).partitions[0]!.log;
    for (let i = 0; i < 5; i++) log.append(batch, readBatchHeader(batch));
    expect(state.logMemoryBytes).toBe(5 * perBatch);
    await Promise.resolve();
    expect(state.logMemoryBytes).toBe(3 * perBatch);
    expect([log.logStartOffset, log.logEndOffset]).toEqual([2, 5]);
    expect(timers.scheduled, 'only the periodic cleaner is waiting').toBe(1);
  });
});
