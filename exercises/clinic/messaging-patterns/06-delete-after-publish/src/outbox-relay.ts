import type { OutboxRelay, OutboxRelayDeps, OutboxRow } from './outbox-relay-api.ts';
import { toMessage } from './outbox-relay-api.ts';

/**
 * Publishes the oldest rows and deletes them in the same transaction, once the broker has
 * acknowledged: the outbox holds only what still has to go out, so it stays small and the
 * relay's query stays fast without any housekeeping.
 */
export function createOutboxRelay({ pool, publisher, topic, batchSize = 50 }: OutboxRelayDeps): OutboxRelay {
  return {
    async runOnce() {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // SKIP LOCKED: a second relay passes over rows this one has claimed.
        const { rows } = await client.query<OutboxRow>(
          /* sql */ `SELECT id, event_id, aggregate_id, event_type, payload FROM outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [batchSize],
        );
        if (rows.length > 0) {
          await publisher.send({ topic, messages: rows.map(toMessage) });
          await client.query(/* sql */ `DELETE FROM outbox WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id)]);
        }
        await client.query('COMMIT');
        return rows.length;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
