import { afterAll, beforeAll, describe, it } from 'vitest';
import { signups, type Signups } from './support/signups.ts';

// Your reproduction: the smallest test that fails on the publisher as shipped and passes once
// it is repaired. ./support/signups.ts gives you the publisher on a topic of its own on the
// course's broker and reads back every record the topic holds; ./support/users.ts makes
// users (sampleUsers) and ./support/leaks.ts finds what a record gives away (leaksOf).
let world: Signups;
beforeAll(async () => {
  world = await signups('user-signed-up-reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped UserSignedUp publisher', () => {
  it.todo('TODO: reproduce the password hashes the analytics team found in their warehouse');
});
