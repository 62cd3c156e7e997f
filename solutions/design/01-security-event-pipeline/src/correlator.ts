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

interface UserState {
  failures: Map<string, number>;
  successes: Map<string, number>;
  alerted: Set<string>;
}

/** How often (in event time) expired state is swept out, so a sweep is not paid on every event. */
const sweepEveryMs = 10_000;

/**
 * The correlation rule over a sliding window of event time, with state per user that expires
 * with the window. The watermark (newest event time minus the allowed lateness) says which
 * events can still arrive: a failure older than watermark - window can match no future
 * success, a success older than the watermark can gain no future failure.
 */
export class Correlator {
  #newest = -Infinity;
  #lastSweep = -Infinity;
  #users = new Map<string, UserState>();

  readonly rule: CorrelationRule;
  readonly onAlert: (alert: Alert) => void;

  constructor(rule: CorrelationRule, onAlert: (alert: Alert) => void) {
    this.rule = rule;
    this.onAlert = onAlert;
  }

  get watermark(): number {
    return this.#newest - this.rule.allowedLatenessMs;
  }

  /** Counts one event; `too-late` when it is behind the watermark and can no longer count. */
  accept(event: NormalisedEvent): 'counted' | 'too-late' {
    if (event.time < this.watermark) return 'too-late';
    this.#newest = Math.max(this.#newest, event.time);
    let state = this.#users.get(event.user);
    if (state === undefined) {
      state = { failures: new Map(), successes: new Map(), alerted: new Set() };
      this.#users.set(event.user, state);
    }
    // Keyed by event id, so a redelivered copy counts once.
    (event.outcome === 'failure' ? state.failures : state.successes).set(event.eventId, event.time);
    this.#evaluate(event.user, state);
    if (this.watermark >= this.#lastSweep + sweepEveryMs) this.#sweep();
    return 'counted';
  }

  #evaluate(user: string, state: UserState): void {
    for (const [id, at] of state.successes) {
      if (state.alerted.has(id)) continue;
      let count = 0;
      for (const time of state.failures.values()) if (time >= at - this.rule.windowMs && time <= at) count += 1;
      if (count >= this.rule.failures) {
        state.alerted.add(id);
        this.onAlert({ rule: 'brute-force-then-success', user, successEventId: id, at });
      }
    }
  }

  #sweep(): void {
    const watermark = this.watermark;
    this.#lastSweep = watermark;
    for (const [user, state] of this.#users) {
      for (const [id, time] of state.failures) if (time < watermark - this.rule.windowMs) state.failures.delete(id);
      for (const [id, time] of state.successes) {
        if (time < watermark) {
          state.successes.delete(id);
          state.alerted.delete(id);
        }
      }
      if (state.failures.size === 0 && state.successes.size === 0) this.#users.delete(user);
    }
  }

  /** Entries held: one per user with state, plus one per event and per alerted success kept. */
  size(): number {
    let entries = this.#users.size;
    for (const state of this.#users.values()) entries += state.failures.size + state.successes.size + state.alerted.size;
    return entries;
  }
}
