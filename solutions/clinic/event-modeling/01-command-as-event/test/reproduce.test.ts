import { describe, expect, it } from 'vitest';
import { ana, welcomeWorld } from './support/world.ts';

describe('the shipped sign-up', () => {
  it('sends a new user exactly one welcome email', async () => {
    const world = await welcomeWorld();
    await world.signUpAndDeliver([ana]);
    expect(world.welcomesTo(ana)).toHaveLength(1);
  });
});
