import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, pipeline, type Pipeline } from './support/pipeline.ts';

let world: Pipeline;
beforeAll(async () => {
  world = await pipeline('clinic_duplicates_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped loyalty consumer', () => {
  it('credits an order twice when the relay dies between publishing it and marking it published', async () => {
    const customer = aCustomer();
    const consumer = world.consumer();
    await world.placeOrder(customer, 5000);
    await world.relayPass({ diesAt: 'after-publish' });
    await world.drainOutbox();
    await world.deliver(consumer);
    expect(await world.points(customer)).toBe(50);
  });
});
