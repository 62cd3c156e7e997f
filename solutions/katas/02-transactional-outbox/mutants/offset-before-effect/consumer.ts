// MUTANT: commits the offset before applying the effect, so a crash in between skips the event for good.
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
      // Lets the broker forget the message before its effect is safe.
      await delivery.commitOffset();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // The record of the event and its effect commit together or not at all. A second
        // instance handling the same event waits here on the first one's row, then finds
        // it and skips.
        const recorded = await client.query(
          /* sql */ `INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [consumerName, event.id],
        );
        if (recorded.rowCount === 1) await applyEffect(client, event);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
