import type { LoyaltyConsumer, LoyaltyConsumerDeps } from './loyalty-consumer-api.ts';
import { pointsFor } from './loyalty-consumer-api.ts';

/**
 * The relay publishes at least once, so the same event can arrive twice: from a relay that
 * died between publishing and marking, from a rebalance, from a consumer that died before
 * committing its offset. Each delivery claims the event's id in the transaction that
 * credits the points, so a copy finds the claim and changes nothing.
 */
export function createLoyaltyConsumer({ pool, clock }: LoyaltyConsumerDeps): LoyaltyConsumer {
  return {
    async handle(event) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // A copy handled at the same moment waits on this row, then finds it taken; a credit
        // that fails rolls the claim back with it, so the redelivery credits.
        const claimed = await client.query(
          /* sql */ `INSERT INTO processed_events (event_id, processed_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING`,
          [event.id, clock.now()],
        );
        if (claimed.rowCount === 1) {
          await client.query(
            /* sql */ `INSERT INTO points_ledger (event_id, order_id, customer_id, points, credited_at) VALUES ($1, $2, $3, $4, $5)`,
            [event.id, event.data.orderId, event.data.customerId, pointsFor(event), clock.now()],
          );
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
