import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aBooking, travelWorld, type TravelWorld } from './support/travel.ts';

let world: TravelWorld;
beforeAll(async () => {
  world = await travelWorld('clinic_three_state_saga');
});
afterAll(() => world[Symbol.asyncDispose]());

/** Books in a service that dies at the staged point, then restarts the service and recovers. */
async function crashThenRecover(booking: string, crashAfter: Parameters<TravelWorld['startService']>[0]) {
  const first = world.startService(crashAfter);
  const run = await first.process.run(first.saga.book(booking, 45_000));
  expect(run.finished, 'the staged crash should have killed the first service').toBe(false);
  const restarted = world.startService();
  await restarted.saga.recover();
  return restarted.saga;
}

describe('the trip booking saga', () => {
  it('holds seat, room and payment when the card is charged', async () => {
    const booking = aBooking();
    expect(await world.startService().saga.book(booking, 45_000)).toBe('completed');
    expect(world.partners.heldBy(booking)).toEqual(['seat', 'room', 'charge']);
  });

  it('releases room and seat when the card is declined', async () => {
    const booking = aBooking();
    world.partners.declining.add(booking);
    expect(await world.startService().saga.book(booking, 45_000)).toBe('failed');
    expect(world.partners.heldBy(booking)).toEqual([]);
  });

  it('releases the seat after a crash between releasing the room and releasing the seat', async () => {
    const booking = aBooking();
    world.partners.declining.add(booking);
    const saga = await crashThenRecover(booking, { crashAfter: 'releaseRoom' });
    expect(world.partners.heldBy(booking), 'what the declined booking still holds after recovery').toEqual([]);
    expect(await saga.status(booking)).toBe('failed');
  });

  it('keeps undoing a booking it had decided to undo, even if the card would now be accepted', async () => {
    const booking = aBooking();
    world.partners.declining.add(booking);
    const first = world.startService({ crashAfter: 'releaseRoom' });
    await first.process.run(first.saga.book(booking, 45_000));
    world.partners.declining.delete(booking);
    const restarted = world.startService();
    await restarted.saga.recover();
    expect(world.partners.heldBy(booking), 'a booking the saga was undoing, after recovery').toEqual([]);
    expect(await restarted.saga.status(booking)).toBe('failed');
  });

  it('releases everything after a crash between the declined card and the first release', async () => {
    const booking = aBooking();
    world.partners.declining.add(booking);
    await crashThenRecover(booking, { crashAfter: 'chargeCard' });
    expect(world.partners.heldBy(booking)).toEqual([]);
  });

  it('leaves nothing half-booked after a crash right after the seat was reserved', async () => {
    const booking = aBooking();
    const saga = await crashThenRecover(booking, { crashAfter: 'reserveSeat' });
    const held = world.partners.heldBy(booking);
    const status = await saga.status(booking);
    // Finishing the booking and undoing it are both sound; holding a seat for nobody is not.
    expect(`${status} holding ${held.join(' + ') || 'nothing'}`, 'the booking after recovery').toMatch(
      /^(completed holding seat \+ room \+ charge|failed holding nothing)$/,
    );
  });

  it('finishes the undo when the service dies again during recovery', async () => {
    const booking = aBooking();
    world.partners.declining.add(booking);
    const first = world.startService({ crashAfter: 'chargeCard' });
    await first.process.run(first.saga.book(booking, 45_000));
    const second = world.startService({ crashAfter: 'releaseRoom' });
    await second.process.run(second.saga.recover());
    const third = world.startService();
    await third.saga.recover();
    expect(world.partners.heldBy(booking)).toEqual([]);
    expect(await third.saga.status(booking)).toBe('failed');
  });

  it('leaves completed and failed bookings alone when it recovers', async () => {
    const kept = aBooking();
    const declined = aBooking();
    world.partners.declining.add(declined);
    const service = world.startService();
    await service.saga.book(kept, 45_000);
    await service.saga.book(declined, 45_000);
    await world.startService().saga.recover();
    expect(world.partners.heldBy(kept)).toEqual(['seat', 'room', 'charge']);
    expect(world.partners.heldBy(declined)).toEqual([]);
    expect(await service.saga.status(kept)).toBe('completed');
  });
});
