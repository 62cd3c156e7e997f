import type { OutboxRelay, OutboxRelayDeps, OutboxRow } from './outbox-relay-api.ts';
import { toMessage } from './outbox-relay-api.ts';

/**
 * Publishes the oldest rows still waiting and marks them published in the same
 * transaction, once the broker has acknowledged. The rows stay: they are the record of what
 * checkout published and the source for sending it again. Housekeeping removes them later.
 */
export function createOutboxRelay({ pool, publisher, clock, topic, batchSize = 50 }: OutboxRelayDeps): OutboxRelay {
  return {
    async runOnce() {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // SKIP LOCKED: a second relay passes over rows this one has claimed.
        const { rows } = await client.query<OutboxRow>(
          /* sql */ `SELECT id, event_id, aggregate_id, event_type, payload FROM outbox
                     WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [batchSize],
        );
        if (rows.length > 0) {
          await publisher.send({ topic, messages: rows.map(toMessage) });
          await client.query(/* sql */ `UPDATE outbox SET published_at = $2 WHERE id = ANY($1::bigint[])`, [
            rows.map((row) => row.id),
            clock.now(),
          ]);
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
