import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { PaymentCaptured } from './payment-captured.ts';

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

/** Messages are consumed within seconds, so a minute of memory is plenty. */
const dedupTtlMs = 60_000;

export function createLedgerConsumer({ pool, clock }: LedgerConsumerDeps): LedgerConsumer {
  return {
    async handle(event) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const now = clock.now();
        const seen = await client.query(
          /* sql */ `SELECT 1 FROM processed_events WHERE event_id = $1 AND expires_at > $2`,
          [event.id, now],
        );
        if (seen.rowCount) {
          await client.query('ROLLBACK');
          return 'duplicate';
        }
        await client.query(
          /* sql */ `INSERT INTO ledger_entries (event_id, account_id, amount_cents, recorded_at) VALUES ($1, $2, $3, $4)`,
          [event.id, event.data.accountId, event.data.amountCents, now],
        );
        await client.query(
          /* sql */ `INSERT INTO processed_events (event_id, expires_at) VALUES ($1, $2)
                     ON CONFLICT (event_id) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
          [event.id, new Date(now.getTime() + dedupTtlMs)],
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
      const { rowCount } = await pool.query(/* sql */ `DELETE FROM processed_events WHERE expires_at <= $1`, [clock.now()]);
      return rowCount ?? 0;
    },
  };
}
