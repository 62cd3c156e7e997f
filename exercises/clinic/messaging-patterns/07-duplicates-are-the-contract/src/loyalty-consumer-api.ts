import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { OrderEvent } from './order-events.ts';

/** What the loyalty service hands its consumer. */
export interface LoyaltyConsumerDeps {
  /** The loyalty service's own database (src/loyalty-schema.sql). */
  pool: pg.Pool;
  clock: Clock;
}

/** The consumer as the service and the tests call it; keep this shape when you repair it. */
export interface LoyaltyConsumer {
  /**
   * Credits the customer's points for one delivery of an order event. The service commits
   * the topic offset after this resolves; when it throws, the event is delivered again.
   */
  handle(event: OrderEvent): Promise<void>;
}

/** One point per whole euro spent. */
export function pointsFor(event: OrderEvent): number {
  const cents = event.type === 'OrderPlaced' ? event.data.totalCents : event.data.addedCents;
  return Math.floor(cents / 100);
}
