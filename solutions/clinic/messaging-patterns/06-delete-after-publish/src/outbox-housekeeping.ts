import type { OutboxDeps, OutboxHousekeeping } from './outbox-relay-api.ts';
import { outboxRetentionMs } from './outbox-retention.ts';

/**
 * Removes rows published longer ago than the retention period. A row still waiting is
 * never removed, however old: it is the only copy of an event the broker has not taken yet.
 */
export function createOutboxHousekeeping({ pool, clock }: OutboxDeps): OutboxHousekeeping {
  return {
    async prune() {
      const { rowCount } = await pool.query(
        /* sql */ `DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < $1`,
        [new Date(clock.now().getTime() - outboxRetentionMs)],
      );
      return rowCount ?? 0;
    },
  };
}
