import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platform, type Platform } from './support/platform.ts';

let shop: Platform;
beforeAll(async () => {
  shop = await platform('welcome-reproduce');
});
afterAll(() => shop[Symbol.asyncDispose]());

describe('the shipped user-signed-up subscribers', () => {
  it('sends a new user one welcome email', async () => {
    await shop.start(1);
    await shop.ready();
    const users = await shop.signUp(1);
    await shop.settle();
    expect(shop.emailsTo(users)).toEqual([1]);
  });
});
