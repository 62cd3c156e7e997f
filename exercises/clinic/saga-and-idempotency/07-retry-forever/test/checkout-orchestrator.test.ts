import { describe, expect, it } from 'vitest';
import { maxAttemptsPerStep, sagaDeadlineMs, stepTimeoutMs } from '../src/saga-policy.ts';
import { checkoutWorld, seconds } from './support/checkout.ts';

describe('the checkout orchestrator', () => {
  it('completes a checkout whose steps all answer', async () => {
    const world = checkoutWorld();
    world.orchestrator.start('o-1');
    world.reply('StockReserved', 'o-1');
    world.reply('PaymentCharged', 'o-1');
    world.reply('ShippingArranged', 'o-1');
    expect(world.orchestrator.status('o-1')).toBe('completed');
    expect(world.commandsFor('o-1')).toEqual(['ReserveStock', 'ChargePayment', 'ArrangeShipping']);
  });

  it('asks again for a step whose reply was lost, and completes when the retry is answered', async () => {
    const world = checkoutWorld();
    world.orchestrator.start('o-2');
    await world.wait(stepTimeoutMs);
    world.reply('StockReserved', 'o-2');
    world.reply('PaymentCharged', 'o-2');
    world.reply('ShippingArranged', 'o-2');
    expect(world.commandsFor('o-2')).toEqual(['ReserveStock', 'ReserveStock', 'ChargePayment', 'ArrangeShipping']);
    expect(world.orchestrator.status('o-2')).toBe('completed');
  });

  it('ignores a duplicate reply instead of running the next step twice', async () => {
    const world = checkoutWorld();
    world.orchestrator.start('o-3');
    world.reply('StockReserved', 'o-3');
    world.reply('StockReserved', 'o-3');
    expect(world.count('o-3', 'ChargePayment')).toBe(1);
  });

  it('gives up on a step that never answers after its last attempt, and undoes every step it asked for, last first', async () => {
    const world = checkoutWorld();
    world.orchestrator.start('o-4');
    world.reply('StockReserved', 'o-4');
    world.reply('PaymentCharged', 'o-4');
    await world.wait(maxAttemptsPerStep * stepTimeoutMs);
    expect(world.orchestrator.status('o-4'), 'the checkout once shipping stayed silent through every attempt').toBe('compensated');
    // Shipping never answered, so it may still have happened: it is cancelled too.
    expect(world.commandsFor('o-4')).toEqual([
      'ReserveStock', 'ChargePayment', 'ArrangeShipping', 'ArrangeShipping', 'ArrangeShipping', 'CancelShipping', 'RefundPayment', 'ReleaseStock',
    ]);
  });

  it('never asks a silent step more than its attempts, however long it stays silent', async () => {
    const world = checkoutWorld();
    world.orchestrator.start('o-5');
    world.reply('StockReserved', 'o-5');
    world.reply('PaymentCharged', 'o-5');
    await world.wait(seconds(3600));
    expect(world.count('o-5', 'ArrangeShipping'), 'ArrangeShipping commands sent in an hour of silence').toBe(maxAttemptsPerStep);
  });

  it('undoes a checkout at its deadline even while every step answers on a retry', async () => {
    const world = checkoutWorld();
    world.orchestrator.start('o-6');
    await world.wait(seconds(25)); // stock answers just before its third attempt runs out
    world.reply('StockReserved', 'o-6');
    await world.wait(seconds(27)); // and so does payment, 52 s in
    world.reply('PaymentCharged', 'o-6');
    await world.wait(sagaDeadlineMs - seconds(52));
    expect(world.orchestrator.status('o-6'), `the checkout ${sagaDeadlineMs / 1000} s after it started`).toBe('compensated');
    expect(world.commandsFor('o-6').slice(-3)).toEqual(['CancelShipping', 'RefundPayment', 'ReleaseStock']);
  });

  it('stays undone when a late reply arrives after it gave up, and asks for nothing more', async () => {
    const world = checkoutWorld();
    world.orchestrator.start('o-7');
    world.reply('StockReserved', 'o-7');
    world.reply('PaymentCharged', 'o-7');
    await world.wait(seconds(3600));
    const before = world.commandsFor('o-7').length;
    world.reply('ShippingArranged', 'o-7');
    expect(world.orchestrator.status('o-7')).toBe('compensated');
    expect(world.commandsFor('o-7').slice(before).filter((type) => !type.startsWith('Cancel'))).toEqual([]);
  });
});
