import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPayment, ledgerWorld, type LedgerWorld } from './support/ledger-world.ts';

let world: LedgerWorld;
beforeAll(async () => {
  world = await ledgerWorld('clinic_kafka_eos_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped ledger service', () => {
  it('credits a payment twice when it dies after the database commit and before the Kafka commit', async () => {
    const scenario = await world.scenario('reproduce');
    const payment = aPayment();
    await scenario.restartAfter('before-kafka-commit', payment);
    expect(await scenario.ledgerRows(payment.paymentId)).toBe(1);
  });
});
