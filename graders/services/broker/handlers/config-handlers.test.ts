import { describe, expect, it } from 'vitest';
import { BrokerState } from '../broker-state.ts';
import { ManualTimers } from '../group/timers.ts';
import { ErrorCode } from '../protocol/error-codes.ts';
import type { FetchResponse } from '../protocol/fetch.ts';
import { encodeBatch, readBatchHeader } from '../records/record-batch.ts';
import { deleteRecordsHandler } from './admin-handlers.ts';
import { describeConfigsHandler, incrementalAlterConfigsHandler } from './config-handlers.ts';
import { fetchHandler } from './fetch-handler.ts';
import type { RequestContext } from './handler.ts';

/**
 * The handlers kafkajs cannot reach: IncrementalAlterConfigs (kafkajs only sends
 * AlterConfigs) and a fetch below the log start, in-process with exact error codes.
 */
const context: RequestContext = { version: 0, clientId: 't', clientHost: '127.0.0.1', signal: new AbortController().signal };
const SET = 0;
const DELETE = 1;
const APPEND = 2;
const SUBTRACT = 3;

function setup() {
  const state = new BrokerState({ timers: new ManualTimers() }, () => {});
  state.topics.create('events', 1);
  const alter = (configs: { name: string; operation: number; value: string | null }[]) => {
    const response = incrementalAlterConfigsHandler.handle(state, { validateOnly: false, resources: [{ type: 2, name: 'events', configs }] }, context) as {
      responses: { errorCode: number; errorMessage: string | null }[];
    };
    return response.responses[0]!;
  };
  const value = (name: string) => {
    const response = describeConfigsHandler.handle(state, { includeSynonyms: false, resources: [{ type: 2, name: 'events', keys: [name] }] }, context) as {
      results: { configs: { value: string | null; source: number }[] }[];
    };
    return response.results[0]!.configs[0]!;
  };
  return { state, alter, value };
}

describe('IncrementalAlterConfigs', () => {
  it('sets one config and leaves the others, appends to and subtracts from cleanup.policy, deletes back to the default', () => {
    const { alter, value } = setup();
    expect(alter([{ name: 'retention.ms', operation: SET, value: '1000' }]).errorCode).toBe(ErrorCode.NONE);
    expect(alter([{ name: 'cleanup.policy', operation: APPEND, value: 'compact' }]).errorCode).toBe(ErrorCode.NONE);
    expect(value('cleanup.policy')).toEqual({ name: 'cleanup.policy', value: 'delete,compact', source: 1, readOnly: false, synonyms: [] });
    expect(value('retention.ms')).toMatchObject({ value: '1000', source: 1 });
    expect(alter([{ name: 'cleanup.policy', operation: SUBTRACT, value: 'delete' }]).errorCode).toBe(ErrorCode.NONE);
    expect(value('cleanup.policy')).toMatchObject({ value: 'compact' });
    expect(alter([{ name: 'retention.ms', operation: DELETE, value: null }]).errorCode).toBe(ErrorCode.NONE);
    expect(value('retention.ms')).toMatchObject({ value: '604800000', source: 5 });
  });

  it('refuses the whole resource when one change is invalid, keeping what was there', () => {
    const { alter, value } = setup();
    const refused = alter([{ name: 'retention.ms', operation: SET, value: '5000' }, { name: 'retention.bytes', operation: SET, value: '-2' }]);
    expect(refused).toMatchObject({ errorCode: ErrorCode.INVALID_CONFIG, errorMessage: expect.stringContaining('retention.bytes') });
    expect(value('retention.ms')).toMatchObject({ source: 5 });
    expect(alter([{ name: 'retention.ms', operation: APPEND, value: '1' }]).errorCode).toBe(ErrorCode.INVALID_CONFIG);
    expect(alter([{ name: 'no.such.config', operation: SET, value: '1' }]).errorCode).toBe(ErrorCode.INVALID_CONFIG);
  });
});

describe('a fetch below the log start offset', () => {
  it('gets OFFSET_OUT_OF_RANGE with the new log start, and a fetch at it the batch holding it', async () => {
    const { state } = setup();
    const log = state.topics.partition('events', 0)!.log;
    for (const values of [['a', 'b'], ['c', 'd']]) {
      const batch = encodeBatch(values.map((v) => ({ value: Buffer.from(v) })));
      log.append(batch, readBatchHeader(batch));
    }
    const deleted = deleteRecordsHandler.handle(state, { topics: [{ name: 'events', partitions: [{ index: 0, offset: 3 }] }] }, context);
    expect(deleted).toEqual({ topics: [{ name: 'events', partitions: [{ index: 0, lowWatermark: 3, errorCode: ErrorCode.NONE }] }] });
    const fetch = async (fetchOffset: number) => {
      const request = { maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, isolationLevel: 0, topics: [{ name: 'events', partitions: [{ index: 0, fetchOffset, maxBytes: 1 << 20 }] }] };
      return ((await fetchHandler.handle(state, request, { ...context, version: 11 })) as FetchResponse).topics[0]!.partitions[0]!;
    };
    expect(await fetch(2)).toMatchObject({ errorCode: ErrorCode.OFFSET_OUT_OF_RANGE, logStartOffset: 3, records: [] });
    const atStart = await fetch(3);
    expect(atStart).toMatchObject({ errorCode: ErrorCode.NONE, logStartOffset: 3 });
    // The batch holding offset 3 starts at 2; clients skip the record below the offset they asked for.
    expect(atStart.records.map((b) => readBatchHeader(b).baseOffset)).toEqual([2]);
  });
});
