import type pg from 'pg';
import { ConcurrencyError, type NewEvent, type RecordedEvent } from './stored-event.ts';

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

const uniqueViolation = '23505';

export function createEventStore(pool: pg.Pool): EventStore {
  return {
    async append(streamId, expectedVersion, events) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ version: number }>(
          /* sql */ `SELECT coalesce(max(version), 0)::int AS version FROM events WHERE stream_id = $1`,
          [streamId],
        );
        // Catches a stale or an impossible expectation early; the unique key catches the race.
        if (rows[0]!.version !== expectedVersion) throw new ConcurrencyError(streamId, expectedVersion, rows[0]!.version);
        await client.query(
          /* sql */ `INSERT INTO events (stream_id, version, type, schema_version, data)
                     SELECT $1, $2::int + e.n, e.event->>'type', (e.event->>'schemaVersion')::int, e.event->'data'
                     FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(event, n)`,
          [streamId, expectedVersion, JSON.stringify(events)],
        );
        await client.query('COMMIT');
        return { version: expectedVersion + events.length };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if ((error as { code?: string }).code === uniqueViolation) throw new ConcurrencyError(streamId, expectedVersion);
        throw error;
      } finally {
        client.release();
      }
    },

    async readStream(streamId, afterVersion = 0) {
      const { rows } = await pool.query<RecordedEvent>(
        /* sql */ `SELECT stream_id AS "streamId", version, type, schema_version AS "schemaVersion", data
                   FROM events WHERE stream_id = $1 AND version > $2 ORDER BY version`,
        [streamId, afterVersion],
      );
      return rows;
    },
  };
}
