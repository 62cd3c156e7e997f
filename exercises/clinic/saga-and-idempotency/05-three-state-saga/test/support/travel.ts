import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { RecordingPublisher } from '#graders/testkit/faults/recording-publisher.ts';
import { simulatedProcess, type SimulatedProcess } from '#graders/testkit/faults/simulated-process.ts';
import { freshDatabase, type TestDatabase } from '#graders/testkit/harness/fresh-database.ts';
import { type BookingSaga, createBookingSaga } from '../../src/booking-saga.ts';
import type { TravelServices } from '../../src/travel-services.ts';

type CallName = keyof TravelServices;
const never = <T>() => new Promise<T>(() => {});

/**
 * The airline, the hotel and the card processor as the partners see it: who holds what, and
 * what was charged. A staged crash kills the booking service right after a chosen partner
 * call has taken effect, as a process killed at that moment would: the partner did the work,
 * the service never hears back, and nothing the service would have done next happens.
 */
export interface Partners {
  seats: Set<string>;
  rooms: Set<string>;
  charged: Set<string>;
  /** Cards that will be declined. */
  declining: Set<string>;
  /** What a booking still holds at the partners: what a customer or the warehouse would see. */
  heldBy(bookingId: string): string[];
}

export interface TravelWorld extends AsyncDisposable {
  db: TestDatabase;
  partners: Partners;
  /** Starts the booking service as a process of its own; `crashAfter` kills it right after that call takes effect. */
  startService(options?: { crashAfter?: CallName; crashOnCall?: number }): { saga: BookingSaga; process: SimulatedProcess };
}

export async function travelWorld(label: string): Promise<TravelWorld> {
  const db = await freshDatabase(label);
  const schema = await readFile(new URL('../../src/schema.sql', import.meta.url), 'utf8');
  try {
    await db.pool.query(schema);
  } catch (error) {
    await db[Symbol.asyncDispose]();
    throw new Error(`src/schema.sql does not run on PostgreSQL: ${(error as Error).message}`);
  }
  const partners: Partners = {
    seats: new Set(), rooms: new Set(), charged: new Set(), declining: new Set(),
    heldBy: (id) => [partners.seats.has(id) && 'seat', partners.rooms.has(id) && 'room', partners.charged.has(id) && 'charge'].filter((x): x is string => Boolean(x)),
  };
  return {
    db,
    partners,
    startService({ crashAfter, crashOnCall = 1 } = {}) {
      const process = simulatedProcess({ pool: db.pool, publisher: new RecordingPublisher() });
      let calls = 0;
      const partnerCall = <T>(name: CallName, effect: () => T) => async (): Promise<T> => {
        if (process.dead) return never();
        const result = effect();
        if (name === crashAfter && ++calls === crashOnCall) {
          await process.kill();
          return never();
        }
        return result;
      };
      const services: TravelServices = {
        reserveSeat: (id) => partnerCall('reserveSeat', () => void partners.seats.add(id))(),
        releaseSeat: (id) => partnerCall('releaseSeat', () => void partners.seats.delete(id))(),
        reserveRoom: (id) => partnerCall('reserveRoom', () => void partners.rooms.add(id))(),
        releaseRoom: (id) => partnerCall('releaseRoom', () => void partners.rooms.delete(id))(),
        chargeCard: (id) => partnerCall('chargeCard', () => {
          if (partners.declining.has(id)) return 'declined' as const;
          partners.charged.add(id);
          return 'charged' as const;
        })(),
      };
      return { saga: createBookingSaga({ pool: process.pool, services }), process };
    },
    [Symbol.asyncDispose]: () => db[Symbol.asyncDispose](),
  };
}

/** A booking id of its own for each test. */
export const aBooking = () => `trip-${randomUUID().slice(0, 8)}`;
