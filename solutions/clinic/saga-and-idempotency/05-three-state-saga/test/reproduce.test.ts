import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aBooking, travelWorld, type TravelWorld } from './support/travel.ts';

let world: TravelWorld;
beforeAll(async () => {
  world = await travelWorld('clinic_three_state_saga_reproduce');
});
afterAll(() => world[Symbol.asyncDispose]());

describe('the shipped booking saga', () => {
  it('holds a seat for a declined booking when the service died halfway through the undo', async () => {
    const booking = aBooking();
    world.partners.declining.add(booking);
    const first = world.startService({ crashAfter: 'releaseRoom' });
    await first.process.run(first.saga.book(booking, 45_000));
    await world.startService().saga.recover();
    expect(world.partners.heldBy(booking)).toEqual([]);
  });
});
