import type pg from 'pg';
import type { NewEvent, RecordedEvent } from './stored-event.ts';

export interface EventStore {
  /**
   * Appends `events` to the stream as versions expectedVersion + 1, + 2, ..., all or none.
   * Refuses with ConcurrencyError unless the stream is at exactly `expectedVersion` (0 for a
   * stream with no events), also when another writer appends at the same moment.
   */
  append(streamId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<{ version: number }>;
  /** The stream's events after `afterVersion` (0: all of them), in version order. */
  readStream(streamId: string, afterVersion?: number): Promise<RecordedEvent[]>;
}

export function createEventStore(pool: pg.Pool): EventStore {
  void pool;
  return {
    async append(streamId, expectedVersion, events) {
      throw new Error(
        `TODO: append ${events.length} event(s) to ${streamId} expecting version ${expectedVersion}; see README "What to produce", step 3.`,
      );
    },
    async readStream(streamId, afterVersion = 0) {
      throw new Error(`TODO: read ${streamId} after version ${afterVersion}; see README "What to produce", step 3.`);
    },
  };
}
