import type pg from 'pg';
import { ConcurrencyError, type NewEvent, type RecordedEvent } from './stored-event.ts';

export interface EventStore {
  /**
   * Appends `events` to the stream as versions expectedVersion + 1, + 2, ..., all or none.
   * Refuses with ConcurrencyError unless the stream is at exactly `expectedVersion`.
   */
  append(streamId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<{ version: number }>;
  /** The stream's events after `afterVersion` (0: all of them), in version order. */
  readStream(streamId: string, afterVersion?: number): Promise<RecordedEvent[]>;
}

export function createEventStore(pool: pg.Pool): EventStore {
  return {
    async append(streamId, expectedVersion, events) {
      const next = expectedVersion + events.length;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // A new stream is claimed by inserting its row (a racing claim waits, then finds it
        // taken); an existing one by moving its version, which only one writer can do.
        const claimed =
          expectedVersion === 0
            ? await client.query(/* sql */ `INSERT INTO streams (stream_id, version) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [streamId, next])
            : await client.query(/* sql */ `UPDATE streams SET version = $3 WHERE stream_id = $1 AND version = $2`, [streamId, expectedVersion, next]);
        if (claimed.rowCount !== 1) throw new ConcurrencyError(streamId, expectedVersion);
        for (const [index, event] of events.entries()) {
          await client.query(
            /* sql */ `INSERT INTO events (stream_id, version, type, schema_version, data) VALUES ($1, $2, $3, $4, $5)`,
            [streamId, expectedVersion + index + 1, event.type, event.schemaVersion, JSON.stringify(event.data)],
          );
        }
        await client.query('COMMIT');
        return { version: next };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
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
