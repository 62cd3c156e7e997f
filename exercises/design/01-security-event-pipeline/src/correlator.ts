import type { NormalisedEvent } from './security-event.ts';

/** Brute force that worked: `failures` failed logins, then a success, within `windowMs` of event time. */
export interface CorrelationRule {
  failures: number;
  windowMs: number;
  /** How far behind the newest event time an event may arrive and still count. */
  allowedLatenessMs: number;
}

export const bruteForceRule: CorrelationRule = { failures: 3, windowMs: 5 * 60_000, allowedLatenessMs: 60_000 };

export interface Alert {
  rule: 'brute-force-then-success';
  user: string;
  /** The success that completed the sequence: one alert per success, however often it is seen. */
  successEventId: string;
  /** Event time of that success. */
  at: number;
}

/**
 * The correlation rule over a sliding window of event time, with state per user that
 * expires with the window. See the README, section Executable core.
 */
export class Correlator {
  readonly rule: CorrelationRule;
  readonly onAlert: (alert: Alert) => void;

  constructor(rule: CorrelationRule, onAlert: (alert: Alert) => void) {
    this.rule = rule;
    this.onAlert = onAlert;
  }

  /** Newest event time seen minus the allowed lateness. */
  get watermark(): number {
    throw new Error('TODO: the watermark');
  }

  /** Counts one event; `too-late` when it is behind the watermark and can no longer count. */
  accept(event: NormalisedEvent): 'counted' | 'too-late' {
    throw new Error(`TODO: count ${event.eventId} under the rule (${this.rule.failures} failures) and call onAlert (${typeof this.onAlert})`);
  }

  /** Entries held: one per user with state, plus one per event and per alerted success kept. */
  size(): number {
    throw new Error('TODO: count the entries the correlator holds');
  }
}
