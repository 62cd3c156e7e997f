import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedOnly, embeddedOnlySuffix } from '#graders/testkit/broker-faults.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import type { LedgerCredited, PaymentCaptured } from '../src/payment-events.ts';
import { aPayment, ledgerWorld, type LedgerWorld, type Scenario } from './support/ledger-world.ts';

let world: LedgerWorld;
beforeAll(async () => {
  world = await ledgerWorld('clinic_kafka_eos');
});
afterAll(() => world[Symbol.asyncDispose]());

const creditsOf = (credits: LedgerCredited[], paymentId: string) => credits.filter((c) => c.paymentId === paymentId).length;

// Each staged crash kills the first service process and starts a second one, as a restart
// does (scenario.restartAfter); a payment published after the restart tells when the second
// one has caught up, so no test waits on time.
describe(`the ledger service ${embeddedOnlySuffix}`, embeddedOnly, () => {
  it('credits each captured payment once and announces it once', async () => {
    const scenario = await world.scenario('happy');
    const payments = [aPayment(), aPayment(), aPayment()];
    await scenario.publish(...payments);
    await scenario.startService();
    const credits = await scenario.creditsUntil(payments[2]!.paymentId);
    for (const payment of payments) {
      expect(creditsOf(credits, payment.paymentId), `LedgerCredited events for ${payment.paymentId}`).toBe(1);
      expect(await scenario.ledgerRows(payment.paymentId), `ledger rows for ${payment.paymentId}`).toBe(1);
    }
  });

  describe('after a crash between the database commit and the Kafka commit', () => {
    const payment = aPayment();
    let committed: LedgerCredited[];
    let uncommitted: LedgerCredited[];
    let scenario: Scenario;
    beforeAll(async () => {
      scenario = await world.scenario('kafka-commit-lost');
      const restart = await scenario.restartAfter('before-kafka-commit', payment);
      committed = restart.credits;
      uncommitted = await scenario.creditsUntil(restart.last.paymentId, { readUncommitted: true });
    });

    it('announces the payment once to read_committed readers: what exactly-once covers', () => {
      expect(creditsOf(committed, payment.paymentId), 'LedgerCredited events under read_committed').toBe(1);
    });

    it('leaves the aborted attempt in the log, seen by read_uncommitted readers only', () => {
      expect(creditsOf(uncommitted, payment.paymentId), 'LedgerCredited records under read_uncommitted').toBe(2);
    });

    it('writes one ledger row: what exactly-once does not cover', async () => {
      expect(await scenario.ledgerRows(payment.paymentId), 'ledger rows after the crash and the redelivery').toBe(1);
    });
  });

  it('credits once and announces once after a crash right after its first database commit', async () => {
    const scenario = await world.scenario('db-commit');
    const payment = aPayment();
    const { credits } = await scenario.restartAfter('after-database-commit', payment);
    expect(await scenario.ledgerRows(payment.paymentId), 'ledger rows after the crash and the redelivery').toBe(1);
    expect(creditsOf(credits, payment.paymentId), 'LedgerCredited events under read_committed').toBe(1);
  });

  it('credits two different payments of the same order', async () => {
    const scenario = await world.scenario('split-payment');
    const deposit = aPayment();
    const balance = aPayment({ orderId: deposit.orderId });
    await scenario.publish(deposit, balance);
    await scenario.startService();
    const credits = await scenario.creditsUntil(balance.paymentId);
    for (const payment of [deposit, balance]) {
      expect(await scenario.ledgerRows(payment.paymentId), `ledger rows for ${payment.paymentId} of ${payment.orderId}`).toBe(1);
      expect(creditsOf(credits, payment.paymentId), `LedgerCredited events for ${payment.paymentId}`).toBe(1);
    }
  });

  it('credits once when a stalled first attempt wakes up after its successor has credited the payment', async () => {
    const scenario = await world.scenario('stalled');
    const payment = aPayment();
    await scenario.publish(payment);
    const stalled = await scenario.startService('paused');
    await stalled.process.paused;
    // It stalls long enough for the group to give its partition to a new process.
    stalled.expireSession();
    await scenario.startService();
    await scenario.creditsUntil(payment.paymentId);
    const woke = stalled.dieAtNextKafkaTransactionRequest();
    stalled.process.resume();
    await woke;
    expect(await scenario.ledgerRows(payment.paymentId), 'ledger rows once the stalled attempt has written to PostgreSQL').toBe(1);
  });

  it('ignores a payment whose upstream transaction aborted', async () => {
    const scenario = await world.scenario('aborted-upstream');
    const aborted = aPayment();
    const captured = aPayment();
    await scenario.publishAborted(aborted);
    await scenario.publish(captured);
    await scenario.startService();
    const credits = await scenario.creditsUntil(captured.paymentId);
    expect(await scenario.ledgerRows(aborted.paymentId), 'ledger rows for a payment the payment service never committed').toBe(0);
    expect(creditsOf(credits, aborted.paymentId), 'LedgerCredited events for it').toBe(0);
  });

  it('does not announce a payment twice after a restart when its own offset commit never happened', async () => {
    const scenario = await world.scenario('offset-commit');
    const payment = aPayment();
    const { credits } = await scenario.restartAfter('before-offset-commit', payment);
    expect(creditsOf(credits, payment.paymentId), 'LedgerCredited events under read_committed').toBe(1);
    expect(await scenario.ledgerRows(payment.paymentId), 'ledger rows').toBe(1);
  });
});

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
      { numRuns: 3 },
    );
  });
});
