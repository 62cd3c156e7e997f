import { randomUUID } from 'node:crypto';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { databaseWithSchema } from '#graders/testkit/harness/schema-database.ts';
import { createPaymentStep } from '../../src/payment-step.ts';
import type { PaymentRequest, PaymentStep } from '../../src/payment-step-api.ts';
import { SimulatedPaymentProvider } from './simulated-provider.ts';

export { clientTimeoutMs } from './simulated-provider.ts';

/**
 * One payments service: a database with src/schema.sql, the course's virtual clock and the
 * simulated payment provider. Tests read the provider's books (what was charged) and
 * `payments` (what the service recorded), the table finance reconciles.
 */
export interface PaymentWorld extends AsyncDisposable {
  db: TestDatabase;
  clock: VirtualClock;
  provider: SimulatedPaymentProvider;
  /** A payment step instance; call again for a restarted service (nothing in memory survives). */
  paymentStep(): PaymentStep;
  /** The amounts the service recorded as paid for an order. */
  recordedFor(orderId: string): Promise<number[]>;
}

export async function paymentWorld(label: string): Promise<PaymentWorld> {
  const db = await databaseWithSchema(label, new URL('../../src/schema.sql', import.meta.url));
  const clock = new VirtualClock();
  const provider = new SimulatedPaymentProvider(clock);
  return {
    db,
    clock,
    provider,
    paymentStep: () => createPaymentStep({ pool: db.pool, provider, clock }),
    async recordedFor(orderId) {
      const { rows } = await db.pool.query<{ cents: string }>(
        /* sql */ `SELECT amount_cents::text AS cents FROM payments WHERE order_id = $1 ORDER BY paid_at, amount_cents`,
        [orderId],
      );
      return rows.map((row) => Number(row.cents));
    },
    [Symbol.asyncDispose]: () => db[Symbol.asyncDispose](),
  };
}

/** A payment for an order of its own, with a card of its own, so tests never see each other's charges. */
export function aPayment(amountCents = 4_999): PaymentRequest {
  return { orderId: `order-${randomUUID().slice(0, 8)}`, amountCents, card: aCard() };
}

/** A card token of its own. */
export const aCard = () => `tok_${randomUUID().slice(0, 10)}`;
