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

/**
 * Every decision the saga makes is stored before it acts on it, so a restart can tell a
 * booking still going forward (`pending`: drive it forward again, every partner call is
 * idempotent) from one it had decided to undo (`compensating`: finish the undo, never retry).
 */
export function createBookingSaga({ pool, services }: BookingSagaDeps): BookingSaga {
  const setStatus = (bookingId: string, status: string) =>
    pool.query(/* sql */ `UPDATE sagas SET status = $2 WHERE booking_id = $1`, [bookingId, status]);

  const undo = async (bookingId: string): Promise<BookingOutcome> => {
    await services.releaseRoom(bookingId);
    await services.releaseSeat(bookingId);
    await setStatus(bookingId, 'failed');
    return 'failed';
  };

  const goForward = async (bookingId: string, amountCents: number): Promise<BookingOutcome> => {
    await services.reserveSeat(bookingId);
    await services.reserveRoom(bookingId);
    if ((await services.chargeCard(bookingId, amountCents)) === 'charged') {
      await setStatus(bookingId, 'completed');
      return 'completed';
    }
    await setStatus(bookingId, 'compensating');
    return undo(bookingId);
  };

  return {
    async book(bookingId, amountCents) {
      await pool.query(/* sql */ `INSERT INTO sagas (booking_id, amount_cents, status) VALUES ($1, $2, 'pending')`, [bookingId, amountCents]);
      return goForward(bookingId, amountCents);
    },

    async recover() {
      const { rows } = await pool.query<{ booking_id: string; amount_cents: string; status: string }>(
        /* sql */ `SELECT booking_id, amount_cents, status FROM sagas WHERE status IN ('pending', 'compensating') ORDER BY booking_id`,
      );
      for (const row of rows) {
        if (row.status === 'compensating') await undo(row.booking_id);
        else await goForward(row.booking_id, Number(row.amount_cents));
      }
    },

    async status(bookingId) {
      const { rows } = await pool.query<{ status: string }>(/* sql */ `SELECT status FROM sagas WHERE booking_id = $1`, [bookingId]);
      return rows[0]?.status;
    },
  };
}
