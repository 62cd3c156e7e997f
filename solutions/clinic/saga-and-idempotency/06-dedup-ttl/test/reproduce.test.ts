import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAccount, ledgerWorld, type LedgerWorld, minutes, paymentCaptured } from './support/ledger.ts';

let world: LedgerWorld;
beforeAll(async () => {
  world = await ledgerWorld('clinic_dedup_ttl_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped ledger consumer', () => {
  it('credits a payment twice when it is redelivered ten minutes later', async () => {
    const account = anAccount();
    const consumer = world.consumer();
    const event = paymentCaptured(account, 4200);
    await consumer.handle(event);
    await world.passTime(minutes(10), consumer);
    await consumer.handle(event);
    expect(await world.balance(account)).toBe(4200);
  });
});
