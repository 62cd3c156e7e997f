import type { LoyaltyConsumer, LoyaltyConsumerDeps } from './loyalty-consumer-api.ts';
import { pointsFor } from './loyalty-consumer-api.ts';

/**
 * The credit itself carries the event's id, and the ledger allows one credit per event id:
 * a copy of an event already credited inserts nothing. The effect and its dedup record are
 * one row, so they cannot be written apart.
 */
export function createLoyaltyConsumer({ pool, clock }: LoyaltyConsumerDeps): LoyaltyConsumer {
  return {
    async handle(event) {
      await pool.query(
        /* sql */ `INSERT INTO points_ledger (event_id, order_id, customer_id, points, credited_at) VALUES ($1, $2, $3, $4, $5)
                   ON CONFLICT (event_id) DO NOTHING`,
        [event.id, event.data.orderId, event.data.customerId, pointsFor(event), clock.now()],
      );
    },
  };
}
