import { describe, expect, it } from 'vitest';
import { checkoutWorld, seconds } from './support/checkout.ts';

describe('the shipped checkout orchestrator', () => {
  it('ends a checkout within a day when shipping never answers', async () => {
    const world = checkoutWorld();
    world.orchestrator.start('o-1');
    world.reply('StockReserved', 'o-1');
    world.reply('PaymentCharged', 'o-1');
    await world.wait(seconds(24 * 3600));
    expect(world.orchestrator.status('o-1')).not.toBe('running');
  });
});
