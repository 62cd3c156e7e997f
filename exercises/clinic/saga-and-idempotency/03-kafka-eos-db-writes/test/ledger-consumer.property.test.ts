import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedOnly, embeddedOnlySuffix } from '#graders/testkit/broker-faults.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import type { PaymentCaptured } from '../src/payment-events.ts';
import { aPayment, ledgerWorld, type LedgerWorld } from './support/ledger-world.ts';

let world: LedgerWorld;
beforeAll(async () => {
  world = await ledgerWorld('clinic_kafka_eos_property');
});
afterAll(() => world[Symbol.asyncDispose]());

/**
 * A few payments, some of them further captures of an earlier payment's order. Made fresh in
 * each run from the generated picks, so a shrunk run never meets an earlier run's rows.
 */
function paymentsFrom(picks: number[]): PaymentCaptured[] {
  const payments = [aPayment()];
  for (const pick of picks.slice(1)) {
    payments.push(pick % 2 === 0 ? aPayment({ orderId: payments[pick % payments.length]!.orderId }) : aPayment());
  }
  return payments;
}

// Around the example tests: any batch of payments, a crash on either side of the database
// commit at any of them, and a restart credit and announce each payment once.
describe(`the ledger service across a crash anywhere in a batch ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('credits each payment once and announces it once', async () => {
    await assertProperty(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 2, maxLength: 4 }),
        fc.constantFrom('after-database-commit' as const, 'before-kafka-commit' as const),
        fc.nat(),
        async (picks, stage, pick) => {
          const payments = paymentsFrom(picks);
          const scenario = await world.scenario('batch');
          await scenario.publish(...payments);
          await (await scenario.startService(stage, 1 + (pick % payments.length))).dead;
          await scenario.startService();
          const last = aPayment();
          await scenario.publish(last);
          const credits = await scenario.creditsUntil(last.paymentId);
          for (const payment of payments) {
            const announced = credits.filter((credit) => credit.paymentId === payment.paymentId).length;
            expect(`${await scenario.ledgerRows(payment.paymentId)} row(s), ${announced} LedgerCredited`, `${payment.paymentId} after a crash ${stage}`).toBe(
              '1 row(s), 1 LedgerCredited',
            );
          }
        },
      ),
      { numRuns: 4 },
    );
  });
});
