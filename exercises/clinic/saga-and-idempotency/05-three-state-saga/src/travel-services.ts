/**
 * The partners a trip booking calls. Each call is idempotent per booking at the partner:
 * reserving twice holds one seat, releasing what is not held does nothing.
 */
export interface TravelServices {
  reserveSeat(bookingId: string): Promise<void>;
  releaseSeat(bookingId: string): Promise<void>;
  reserveRoom(bookingId: string): Promise<void>;
  releaseRoom(bookingId: string): Promise<void>;
  /** Charges the trip; a declined card is an answer, not an error. */
  chargeCard(bookingId: string, amountCents: number): Promise<'charged' | 'declined'>;
}
