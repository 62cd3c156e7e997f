// MUTANT: confirms the changes to the slot before publishing them, so a relay that dies in between loses them.
import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';
import { decodeChange } from './decode-change.ts';

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
export function createCdcRelay({ pool, publisher, clock, topic, slotName, batchSize = 100, idleBackoffMs = 1_000 }: CdcRelayDeps): CdcRelay {
  async function runOnce(): Promise<number> {
    // Peek, not get: the slot keeps these changes until they are confirmed below, so a
    // relay that dies before then leaves them for the next one.
    const { rows } = await pool.query<{ lsn: string; data: string }>(
      /* sql */ `SELECT lsn::text AS lsn, data
                   FROM pg_logical_slot_peek_changes($1, NULL, $2, 'include-xids', '0', 'skip-empty-xacts', '1')`,
      [slotName, batchSize],
    );
    const lastCommit = rows.findLast((row) => decodeChange(row.data).kind === 'commit')?.lsn;
    if (lastCommit === undefined) return 0;
    const events = rows.flatMap((row) => {
      const change = decodeChange(row.data);
      return change.kind === 'insert' && change.table === 'public.outbox' ? [change.columns] : [];
    });
    await pool.query(/* sql */ `SELECT pg_replication_slot_advance($1, $2::pg_lsn)`, [slotName, lastCommit]);
    if (events.length > 0) {
      // Changes come in commit order, so each order's events go out in the order they were
      // committed; the key keeps them in one partition.
      await publisher.send({
        topic,
        messages: events.map((row) => ({
          key: row.aggregate_id!,
          value: row.payload!,
          headers: { 'event-id': row.event_id!, 'event-type': row.event_type! },
        })),
      });
      await markPublished(events.map((row) => row.id!));
    }
    return events.length;
  }

  async function markPublished(ids: string[]): Promise<void> {
    // A redelivered event keeps the time it first went out.
    await pool.query(/* sql */ `UPDATE outbox SET published_at = $2 WHERE id = ANY($1::bigint[]) AND published_at IS NULL`, [
      ids,
      clock.now(),
    ]);
  }

  async function run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let published = 0;
      try {
        published = await runOnce();
      } catch {
        // The database or the broker is unreachable: the changes wait in the slot, so
        // wait and try again rather than give up.
      }
      if (published > 0) continue;
      try {
        await clock.sleep(idleBackoffMs, signal);
      } catch {
        return;
      }
    }
  }

  return { runOnce, run };
}
