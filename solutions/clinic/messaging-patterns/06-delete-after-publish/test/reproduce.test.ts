import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxWorld, type OutboxWorld } from './support/outbox.ts';

let world: OutboxWorld;
beforeAll(async () => {
  world = await outboxWorld('clinic_delete_after_publish_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped outbox relay', () => {
  it('leaves no record of an event once the relay has published it', async () => {
    const event = await world.writeEvent();
    await world.drain();
    expect(await world.outboxRecord(event)).toBeDefined();
  });
});
