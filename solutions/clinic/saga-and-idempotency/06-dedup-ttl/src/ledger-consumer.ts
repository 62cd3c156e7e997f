import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { PaymentCaptured } from './payment-captured.ts';
import { sourceTopicRetentionMs } from './source-topic.ts';

export interface LedgerConsumerDeps {
  pool: pg.Pool;
  clock: Clock;
}

export interface LedgerConsumer {
  /** Credits the wallet for one delivery; a delivery of an event already applied changes nothing. */
  handle(event: PaymentCaptured): Promise<'applied' | 'duplicate'>;
  /** Housekeeping, run every minute by the service: forgets what no longer needs remembering. */
  prune(): Promise<number>;
}

/**
 * The dedup memory must outlive every possible redelivery, and a redelivery can come as
 * long as the source topic keeps the event, so that is how long an id is remembered.
 */
const dedupWindowMs = sourceTopicRetentionMs;

export function createLedgerConsumer({ pool, clock }: LedgerConsumerDeps): LedgerConsumer {
  return {
    async handle(event) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Claim the id first: a second delivery racing this one waits on the row and then
        // finds it taken, and a credit that fails rolls the claim back with it.
        const claimed = await client.query(
          /* sql */ `INSERT INTO processed_events (event_id, processed_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING`,
          [event.id, clock.now()],
        );
        if (claimed.rowCount === 0) {
          await client.query('ROLLBACK');
          return 'duplicate';
        }
        await client.query(
          /* sql */ `INSERT INTO ledger_entries (event_id, account_id, amount_cents, recorded_at) VALUES ($1, $2, $3, $4)`,
          [event.id, event.data.accountId, event.data.amountCents, clock.now()],
        );
        await client.query('COMMIT');
        return 'applied';
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },

    async prune() {
      const { rowCount } = await pool.query(
        /* sql */ `DELETE FROM processed_events WHERE processed_at <= $1`,
        [new Date(clock.now().getTime() - dedupWindowMs)],
      );
      return rowCount ?? 0;
    },
  };
}
