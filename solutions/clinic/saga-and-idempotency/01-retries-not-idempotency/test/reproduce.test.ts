import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrder, reserveStock, stockWorld, type StockWorld } from './support/stock.ts';

let world: StockWorld;
beforeAll(async () => {
  world = await stockWorld('clinic_retries_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped stock consumer', () => {
  it('holds stock twice when the checkout resends a command whose answer was lost', async () => {
    const order = anOrder();
    const sku = await world.addStock(10);
    await world.send(world.consumer(), reserveStock(order, sku, 4), { lostReplies: 1 });
    expect(await world.reservationsFor(order)).toEqual([4]);
  });
});
