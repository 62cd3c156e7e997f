import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';

/** What checkout hands its relay and its housekeeping job. */
export interface OutboxDeps {
  /** Checkout's database, where the outbox is. */
  pool: pg.Pool;
  clock: Clock;
}

export interface OutboxRelayDeps extends OutboxDeps {
  publisher: Publisher;
  topic: string;
  /** Rows claimed per pass. */
  batchSize?: number;
}

/** Keep these shapes when you repair them: the service and the tests call them. */
export interface OutboxRelay {
  /** One pass: claim rows waiting to be published and publish them. Returns how many went out. */
  runOnce(): Promise<number>;
}

export interface OutboxHousekeeping {
  /** Run every hour by checkout: removes outbox rows nobody needs any more. Returns how many. */
  prune(): Promise<number>;
}

/** An outbox row as the relay publishes it. */
export interface OutboxRow {
  id: string;
  event_id: string;
  aggregate_id: string;
  event_type: string;
  payload: unknown;
}

/** The message the relay sends for a row: keyed by aggregate, so an order's events stay in order. */
export const toMessage = (row: OutboxRow) => ({
  key: row.aggregate_id,
  value: JSON.stringify(row.payload),
  headers: { 'event-id': row.event_id, 'event-type': row.event_type },
});
