import { afterAll, beforeAll, describe, it } from 'vitest';
import { outboxWorld, type OutboxWorld } from './support/outbox.ts';

// Your reproduction: the smallest test that fails on the outbox as shipped and passes once it
// is repaired. The helpers in ./support/outbox.ts write an event, run relay passes (also two
// at once, or one that dies), stop the broker, move time on with housekeeping, and read what
// the outbox still holds about an event (world.outboxRecord).
let world: OutboxWorld;
beforeAll(async () => {
  world = await outboxWorld('clinic_delete_after_publish_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped outbox relay', () => {
  it.todo('TODO: reproduce the event the auditors could not find, and nobody could republish');
});
