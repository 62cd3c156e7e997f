import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaksOf } from './support/leaks.ts';
import { signups, type Signups } from './support/signups.ts';
import { sampleUsers } from './support/users.ts';

let world: Signups;
beforeAll(async () => {
  world = await signups('user-signed-up-reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped UserSignedUp publisher', () => {
  it('publishes no password hash for a user who signs up', async () => {
    const [user] = sampleUsers();
    await world.publisher.userSignedUp(user!);
    const [record] = await world.records();
    expect(leaksOf(record!, user!).secrets).toEqual([]);
  });
});
