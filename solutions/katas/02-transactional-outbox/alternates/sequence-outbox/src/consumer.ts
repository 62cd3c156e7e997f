import type pg from 'pg';
import type { Delivery } from './delivery.ts';
import type { OrderEvent } from './events.ts';

export interface ConsumerDeps {
  pool: pg.Pool;
  consumerName: string;
  applyEffect(client: pg.PoolClient, event: OrderEvent): Promise<void>;
}

export interface Consumer {
  handle(delivery: Delivery): Promise<void>;
}

/**
 * Another valid dedup design: a transaction-scoped advisory lock on the event id makes a
 * second instance wait for the first, then a plain lookup decides, all in the effect's
 * transaction.
 */
export function createConsumer({ pool, consumerName, applyEffect }: ConsumerDeps): Consumer {
  return {
    async handle(delivery) {
      const event = JSON.parse(delivery.value) as OrderEvent;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(/* sql */ `SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2, 0))`, [consumerName, event.id]);
        const seen = await client.query(/* sql */ `SELECT 1 FROM processed_events WHERE handler = $1 AND event_id = $2`, [consumerName, event.id]);
        if (seen.rowCount === 0) {
          await applyEffect(client, event);
          await client.query(/* sql */ `INSERT INTO processed_events (handler, event_id) VALUES ($1, $2)`, [consumerName, event.id]);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      await delivery.commitOffset();
    },
  };
}
