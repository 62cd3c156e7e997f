import type pg from 'pg';
import type { TravelServices } from './travel-services.ts';

export interface BookingSagaDeps {
  pool: pg.Pool;
  services: TravelServices;
}

export type BookingOutcome = 'completed' | 'failed';

export interface BookingSaga {
  /** Books seat, room and payment; on a declined card undoes what it reserved. */
  book(bookingId: string, amountCents: number): Promise<BookingOutcome>;
  /** Run once when the service starts: settles the bookings a crash left unfinished. */
  recover(): Promise<void>;
  /** The booking's state as stored, or undefined for an unknown booking. */
  status(bookingId: string): Promise<string | undefined>;
}

/** A booking is pending, then completed or failed: those are all the states there are. */
export function createBookingSaga({ pool, services }: BookingSagaDeps): BookingSaga {
  const setStatus = (bookingId: string, status: string) =>
    pool.query(/* sql */ `UPDATE sagas SET status = $2 WHERE booking_id = $1`, [bookingId, status]);

  return {
    async book(bookingId, amountCents) {
      await pool.query(/* sql */ `INSERT INTO sagas (booking_id, status) VALUES ($1, 'pending')`, [bookingId]);
      await services.reserveSeat(bookingId);
      await services.reserveRoom(bookingId);
      if ((await services.chargeCard(bookingId, amountCents)) === 'charged') {
        await setStatus(bookingId, 'completed');
        return 'completed';
      }
      await services.releaseRoom(bookingId);
      await services.releaseSeat(bookingId);
      await setStatus(bookingId, 'failed');
      return 'failed';
    },

    async recover() {
      // A booking still pending after a restart never finished: it failed.
      await pool.query(/* sql */ `UPDATE sagas SET status = 'failed' WHERE status = 'pending'`);
    },

    async status(bookingId) {
      const { rows } = await pool.query<{ status: string }>(/* sql */ `SELECT status FROM sagas WHERE booking_id = $1`, [bookingId]);
      return rows[0]?.status;
    },
  };
}
