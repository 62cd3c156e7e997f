import type { Clock, TimerHandle } from './message-bus.ts';

interface Timer {
  id: number;
  at: number;
  callback: () => Promise<void> | void;
}

/**
 * A clock that only moves when told to. Timers fire, in time order, when the clock is
 * advanced past them, so a test of a 30-second timeout (or a 6-hour one) runs at once.
 */
export class VirtualClock implements Clock {
  #now = 0;
  #nextId = 1;
  #timers: Timer[] = [];
  /** Called with the due time just before each timer fires, e.g. to log it. */
  onFire: ((at: number) => void) | undefined;

  now(): number {
    return this.#now;
  }

  setTimer(ms: number, callback: () => Promise<void> | void): TimerHandle {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new Error(`setTimer needs a finite delay of 0 ms or more, got ${ms}: a timeout must be a number.`);
    }
    const timer = { id: this.#nextId++, at: this.#now + ms, callback };
    this.#timers.push(timer);
    return { id: timer.id };
  }

  clearTimer(handle: TimerHandle): void {
    this.#timers = this.#timers.filter((timer) => timer.id !== handle.id);
  }

  /** When the earliest pending timer is due, if any. */
  nextTimerAt(): number | undefined {
    return this.#timers.reduce<number | undefined>((min, t) => (min === undefined || t.at < min ? t.at : min), undefined);
  }

  pendingTimers(): number {
    return this.#timers.length;
  }

  /** Moves time to `at`, firing every timer due by then (including ones those timers set). */
  async advanceTo(at: number): Promise<void> {
    if (at < this.#now) throw new Error(`A clock cannot go back: now ${this.#now}, asked for ${at}.`);
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= at).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#now = due.at;
      this.onFire?.(due.at);
      await due.callback();
    }
    this.#now = at;
  }

  advanceBy(ms: number): Promise<void> {
    return this.advanceTo(this.#now + ms);
  }
}
