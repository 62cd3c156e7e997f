/** The ids an event is stamped with, minted by the outbox writer that calls the producer. */
export interface EventMeta {
  /** The event's own id, a ULID: consumers deduplicate on it. */
  eventId: string;
  /** Id of the PlaceOrder command whose handling produced the event. */
  commandId: string;
  /** Id of the whole business flow. */
  correlationId: string;
}
