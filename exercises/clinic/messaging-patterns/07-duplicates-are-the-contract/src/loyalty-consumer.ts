import type { LoyaltyConsumer, LoyaltyConsumerDeps } from './loyalty-consumer-api.ts';
import { pointsFor } from './loyalty-consumer-api.ts';

/**
 * Checkout publishes through an outbox, so every order event reaches the topic; the credit
 * is one INSERT in its own transaction, so it is all or nothing.
 */
export function createLoyaltyConsumer({ pool, clock }: LoyaltyConsumerDeps): LoyaltyConsumer {
  return {
    async handle(event) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          /* sql */ `INSERT INTO points_ledger (event_id, order_id, customer_id, points, credited_at) VALUES ($1, $2, $3, $4, $5)`,
          [event.id, event.data.orderId, event.data.customerId, pointsFor(event), clock.now()],
        );
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
