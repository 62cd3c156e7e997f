import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';

export interface CdcRelayDeps {
  pool: pg.Pool;
  publisher: Publisher;
  clock: Clock;
  topic: string;
  /**
   * A logical replication slot on this database, made with the `test_decoding` plugin
   * (`SELECT pg_create_logical_replication_slot('my_slot', 'test_decoding')`). A slot sees
   * only what commits after it was created, so it exists before the first order is placed;
   * the tests create one for each relay they start.
   */
  slotName: string;
  /** Most slot rows read per pass. PostgreSQL always finishes the transaction it is in. */
  batchSize?: number;
  /** How long to sleep when a pass finds nothing to publish. */
  idleBackoffMs?: number;
}

export interface CdcRelay {
  /**
   * One pass: read changes from the slot, publish the outbox inserts among them, set their
   * published_at, confirm the changes to the slot. Returns how many events went out.
   */
  runOnce(): Promise<number>;
  /** Passes until the signal aborts, sleeping (clock.sleep) when there is nothing to do. */
  run(signal: AbortSignal): Promise<void>;
}

/**
 * The change-data-capture relay: instead of asking the outbox table for pending rows, it
 * tails the database's own log of committed changes through a replication slot.
 *
 * - `pg_logical_slot_peek_changes(slot, NULL, n, 'include-xids', '0', 'skip-empty-xacts', '1')`
 *   returns up to n rows (lsn, xid, data) of committed transactions after the slot's
 *   confirmed position, and leaves the slot where it was: reading twice returns the same.
 *   (`pg_logical_slot_get_changes` takes the same arguments but consumes what it returns.)
 * - `decodeChange(data)` (decode-change.ts, provided) turns a row's text into BEGIN,
 *   COMMIT or a table change.
 * - `pg_replication_slot_advance(slot, lsn)` confirms everything up to that lsn: the next
 *   read starts after it. Confirm at the lsn of a COMMIT row, a whole transaction at a time.
 *
 * Publish each INSERT into `outbox` to `topic`, keyed by its aggregate (order) id, with
 * the envelope as the value. Every other change (other tables, updates, including your own
 * published_at updates, which come back through the slot) is passed over and confirmed.
 */
export function createCdcRelay(deps: CdcRelayDeps): CdcRelay {
  return {
    runOnce: async () => {
      throw new Error('TODO: read changes from the slot, publish the outbox inserts, set published_at, then confirm them to the slot');
    },
    run: async () => {
      throw new Error('TODO: call runOnce until the signal aborts, sleeping with deps.clock when there was nothing to publish');
    },
  };
}
