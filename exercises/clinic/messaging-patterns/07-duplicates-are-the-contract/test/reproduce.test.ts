import { afterAll, beforeAll, describe, it } from 'vitest';
import { pipeline, type Pipeline } from './support/pipeline.ts';

// Your reproduction: the smallest test that fails on the code as shipped and passes once it
// is repaired. The helpers in ./support/pipeline.ts place orders at checkout, run its relay
// (world.relayPass({ diesAt: 'after-publish' }) kills it between publishing and marking),
// deliver the topic to a loyalty consumer and read a customer's points.
let world: Pipeline;
beforeAll(async () => {
  world = await pipeline('clinic_duplicates_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped loyalty consumer', () => {
  it.todo('TODO: reproduce the customer who got points twice for one order');
});
