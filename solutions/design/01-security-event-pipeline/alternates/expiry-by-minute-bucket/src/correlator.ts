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
  successEventId: string;
  at: number;
}

interface UserState {
  failures: Map<string, number>;
  /** Successes still waiting for enough failures. */
  waiting: Map<string, number>;
  /** Successes that alerted, kept so a copy does not wait again. */
  alerted: Map<string, number>;
}

const bucketMs = 60_000;

/**
 * A different design from the reference: successes move from `waiting` to `alerted`, and
 * expiry is indexed by minute buckets of event time, so only the users seen in a bucket that
 * fell out of the window are visited, instead of every user on a timer.
 */
export class Correlator {
  readonly rule: CorrelationRule;
  readonly onAlert: (alert: Alert) => void;
  #newest = -Infinity;
  #users = new Map<string, UserState>();
  #seenIn = new Map<number, Set<string>>();

  constructor(rule: CorrelationRule, onAlert: (alert: Alert) => void) {
    this.rule = rule;
    this.onAlert = onAlert;
  }

  get watermark(): number {
    return this.#newest - this.rule.allowedLatenessMs;
  }

  accept(event: NormalisedEvent): 'counted' | 'too-late' {
    if (event.time < this.watermark) return 'too-late';
    this.#newest = Math.max(this.#newest, event.time);
    const state = this.#users.get(event.user) ?? { failures: new Map(), waiting: new Map(), alerted: new Map() };
    this.#users.set(event.user, state);
    if (event.outcome === 'failure') state.failures.set(event.eventId, event.time);
    else if (!state.alerted.has(event.eventId)) state.waiting.set(event.eventId, event.time);
    const bucket = Math.floor(event.time / bucketMs);
    const seen = this.#seenIn.get(bucket) ?? new Set<string>();
    this.#seenIn.set(bucket, seen.add(event.user));
    for (const [id, at] of state.waiting) {
      const inWindow = [...state.failures.values()].filter((time) => time >= at - this.rule.windowMs && time <= at).length;
      if (inWindow < this.rule.failures) continue;
      state.waiting.delete(id);
      state.alerted.set(id, at);
      this.onAlert({ rule: 'brute-force-then-success', user: event.user, successEventId: id, at });
    }
    this.#expire();
    return 'counted';
  }

  /** Visits the users of every bucket wholly older than watermark - window. */
  #expire(): void {
    const failuresFrom = this.watermark - this.rule.windowMs;
    for (const [bucket, users] of this.#seenIn) {
      if ((bucket + 1) * bucketMs > failuresFrom) continue;
      this.#seenIn.delete(bucket);
      for (const user of users) {
        const state = this.#users.get(user);
        if (state === undefined) continue;
        for (const [id, time] of state.failures) if (time < failuresFrom) state.failures.delete(id);
        for (const held of [state.waiting, state.alerted]) for (const [id, time] of held) if (time < this.watermark) held.delete(id);
        if (state.failures.size + state.waiting.size + state.alerted.size === 0) this.#users.delete(user);
      }
    }
  }

  size(): number {
    let entries = this.#users.size;
    for (const state of this.#users.values()) entries += state.failures.size + state.waiting.size + state.alerted.size;
    return entries;
  }
}
