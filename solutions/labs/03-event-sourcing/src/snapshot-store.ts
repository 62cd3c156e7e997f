import type pg from 'pg';
import type { AccountState } from './account.ts';

/** The folded state of a stream as of one version. */
export interface Snapshot {
  version: number;
  state: AccountState;
}

export interface SnapshotStore {
  /** The latest snapshot of the stream, or undefined when none was taken. */
  load(streamId: string): Promise<Snapshot | undefined>;
  /** Keeps this snapshot as the stream's latest. */
  save(streamId: string, snapshot: Snapshot): Promise<void>;
}

export function createSnapshotStore(pool: pg.Pool): SnapshotStore {
  return {
    async load(streamId) {
      const { rows } = await pool.query<Snapshot>(
        /* sql */ `SELECT version, state FROM snapshots WHERE stream_id = $1`,
        [streamId],
      );
      return rows[0];
    },
    async save(streamId, { version, state }) {
      // A slower writer must not replace a newer snapshot with an older one.
      await pool.query(
        /* sql */ `INSERT INTO snapshots (stream_id, version, state) VALUES ($1, $2, $3)
                   ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, state = excluded.state
                   WHERE snapshots.version < excluded.version`,
        [streamId, version, JSON.stringify(state)],
      );
    },
  };
}
