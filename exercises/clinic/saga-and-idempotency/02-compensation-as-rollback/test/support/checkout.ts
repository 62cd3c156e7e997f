import { randomUUID } from 'node:crypto';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import type { TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { databaseWithSchema } from '#graders/testkit/harness/schema-database.ts';
import { type CheckoutSaga, createCheckoutSaga, type Order } from '../../src/checkout-saga.ts';
import { SimulatedProvider } from './simulated-provider.ts';

export { ProviderTimeout, SimulatedProvider } from './simulated-provider.ts';

/** The checkout service on a database of its own, with the payment provider beside it. */
export interface CheckoutWorld extends AsyncDisposable {
  db: TestDatabase;
  clock: VirtualClock;
  /** The provider: its ledger is where the customer's money really is. */
  provider: SimulatedProvider;
  /** A checkout saga instance; call again for a restarted service (nothing in memory survives). */
  saga(): CheckoutSaga;
}

export async function checkoutWorld(label: string): Promise<CheckoutWorld> {
  const db = await databaseWithSchema(label, new URL('../../src/schema.sql', import.meta.url));
  const clock = new VirtualClock();
  const provider = new SimulatedProvider();
  return {
    db,
    clock,
    provider,
    saga: () => createCheckoutSaga({ pool: db.pool, provider, clock }),
    [Symbol.asyncDispose]: () => db[Symbol.asyncDispose](),
  };
}

/** An order of its own for each test, so tests never see each other's payments. */
export const anOrder = (amountCents = 4500): Order => ({ orderId: `order-${randomUUID().slice(0, 8)}`, amountCents });
