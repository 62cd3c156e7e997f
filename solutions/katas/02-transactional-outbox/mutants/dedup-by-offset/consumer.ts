// MUTANT: deduplicates on the partition and offset instead of the event id, so a republished event is applied again.
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
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // The record of the event and its effect commit together or not at all. A second
        // instance handling the same event waits here on the first one's row, then finds
        // it and skips.
        const recorded = await client.query(
          /* sql */ `INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          // Keyed by where the message sits, not by which event it carries.
          [consumerName, offsetAsUuid(delivery.partition, delivery.offset)],
        );
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

/** Turns a partition and offset into a uuid-shaped key, so the dedup table accepts it. */
function offsetAsUuid(partition: number, offset: string): string {
  const digits = `${partition.toString(16).padStart(8, '0')}${BigInt(offset).toString(16).padStart(24, '0')}`;
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20, 32)}`;
}
