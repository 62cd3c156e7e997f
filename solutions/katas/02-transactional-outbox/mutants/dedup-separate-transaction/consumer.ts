// MUTANT: records the event id in its own transaction, before the effect's transaction, so a crash in between loses the effect.
import type pg from 'pg';
import type { Delivery } from './delivery.ts';
import type { OrderEvent } from './events.ts';

export interface ConsumerDeps {
  pool: pg.Pool;
  /** This consumer's name: each consumer keeps its own record of what it has applied. */
  consumerName: string;
  /** The business effect of one event. Call it with your transaction's client, once per event. */
  applyEffect(client: pg.PoolClient, event: OrderEvent): Promise<void>;
}

export interface Consumer {
  handle(delivery: Delivery): Promise<void>;
}

export function createConsumer({ pool, consumerName, applyEffect }: ConsumerDeps): Consumer {
  return {
    async handle(delivery) {
      const event = JSON.parse(delivery.value) as OrderEvent;
      // The dedup record commits on its own, before the effect's transaction starts.
      const recorded = await pool.query(
        /* sql */ `INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [consumerName, event.id],
      );
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        if (recorded.rowCount === 1) await applyEffect(client, event);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      // Only now is it safe to let the broker forget the message: a crash before this
      // line redelivers it, and the record above turns the redelivery into a no-op.
      await delivery.commitOffset();
    },
  };
}
