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

/**
 * The idempotent consumer: record the event id in processed_events and apply the effect in
 * one transaction, skip an event already recorded, and commit the offset when it is safe.
 */
export function createConsumer(deps: ConsumerDeps): Consumer {
  return {
    handle: async () => {
      throw new Error('TODO: record the event id and apply the effect in one transaction, then commit the offset');
    },
  };
}
