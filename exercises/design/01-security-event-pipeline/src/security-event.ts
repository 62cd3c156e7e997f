/** A security event as a collector produced it: the source's own format, unparsed. */
export interface RawEvent {
  /** `json` or `kv` (`key=value` pairs separated by spaces, the shape of CEF's extension). */
  format: string;
  payload: string;
  source: string;
}

/** One event in the common schema: the fields the correlation rule reads. */
export interface NormalisedEvent {
  /** The raw event's message id, kept so a redelivered copy is recognised downstream. */
  eventId: string;
  source: string;
  /** Event time: when it happened at the source, in ms since the epoch (not when it arrived). */
  time: number;
  user: string;
  outcome: 'success' | 'failure';
}

/** An event that failed normalisation: why, and the original, so nothing is lost. */
export interface DeadLetter {
  eventId: string;
  reason: string;
  original: RawEvent;
}

/** The message types on the bus. */
export const messageTypes = {
  raw: 'RawSecurityEvent',
  normalised: 'SecurityEventNormalised',
  deadLetter: 'SecurityEventDeadLettered',
} as const;
