import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceTopicRetentionMs } from '../src/source-topic.ts';
import { anAccount, days, ledgerWorld, type LedgerWorld, minutes, paymentCaptured } from './support/ledger.ts';

let world: LedgerWorld;
beforeAll(async () => {
  world = await ledgerWorld('clinic_dedup_ttl');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the ledger consumer', () => {
  it('credits the wallet once for a first delivery', async () => {
    const account = anAccount();
    expect(await world.consumer().handle(paymentCaptured(account, 2500))).toBe('applied');
    expect(await world.balance(account)).toBe(2500);
  });

  it('credits each distinct payment, even of the same amount to the same wallet', async () => {
    const account = anAccount();
    const consumer = world.consumer();
    await consumer.handle(paymentCaptured(account, 1000));
    await consumer.handle(paymentCaptured(account, 1000));
    expect(await world.balance(account)).toBe(2000);
  });

  it('skips a redelivery that comes straight after the first delivery', async () => {
    const account = anAccount();
    const consumer = world.consumer();
    const event = paymentCaptured(account, 700);
    await consumer.handle(event);
    expect(await consumer.handle(event)).toBe('duplicate');
    expect(await world.balance(account)).toBe(700);
  });

  it('skips a redelivery ten minutes later, after housekeeping has run', async () => {
    const account = anAccount();
    const consumer = world.consumer();
    const event = paymentCaptured(account, 4200);
    await consumer.handle(event);
    await world.passTime(minutes(10), consumer);
    expect(await consumer.handle(event), 'the same PaymentCaptured redelivered after ten minutes').toBe('duplicate');
    expect(await world.balance(account), 'wallet balance after the redelivery').toBe(4200);
  });

  it('skips a redelivery six days later, while the event is still on the topic', async () => {
    const account = anAccount();
    const consumer = world.consumer();
    const event = paymentCaptured(account, 999);
    await consumer.handle(event);
    await world.passTime(days(6), consumer);
    expect(days(6)).toBeLessThan(sourceTopicRetentionMs);
    expect(await consumer.handle(event), 'the same PaymentCaptured redelivered after six days (a replay)').toBe('duplicate');
    expect(await world.balance(account)).toBe(999);
  });

  it('skips a redelivery that reaches a restarted consumer', async () => {
    const account = anAccount();
    const event = paymentCaptured(account, 1234);
    await world.consumer().handle(event);
    const afterRestart = world.consumer();
    expect(await afterRestart.handle(event), 'the redelivery, handled by a new instance of the service').toBe('duplicate');
    expect(await world.balance(account)).toBe(1234);
  });

  it('applies an event whose first credit failed, once, when it is redelivered', async () => {
    const account = anAccount();
    const consumer = world.consumer();
    const event = paymentCaptured(account, 3100);
    await world.failNextCredit();
    await expect(consumer.handle(event), 'the first delivery, whose credit the ledger refused').rejects.toThrow();
    expect(await consumer.handle(event), 'the redelivery after the failure').toBe('applied');
    expect(await world.balance(account)).toBe(3100);
  });
});
