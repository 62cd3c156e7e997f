import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, type Deployment } from './support/deployment.ts';

let shop: Deployment;
beforeAll(async () => {
  shop = await deployment('broadcast-reproduce');
});
afterAll(() => shop[Symbol.asyncDispose]());

describe('the shipped OrderPlaced readers', () => {
  it('sends a confirmation email for every order', async () => {
    await shop.start(1);
    await shop.ready();
    const ids = await shop.publish(3);
    await shop.settle();
    expect(shop.timesHandled('email', ids)).toEqual([1, 1, 1]);
  });
});
