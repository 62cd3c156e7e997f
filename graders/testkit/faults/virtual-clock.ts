import { type Clock, sleepOn, type TimerHandle } from '../contracts/clock.ts';

interface Timer {
  id: number;
  /** Virtual milliseconds since the clock was made. */
  at: number;
  callback: () => Promise<void> | void;
}

/**
 * A clock that moves only when the test says so. Timers and sleeps come due, in time order,
 * when the clock is advanced past them, so a 30-second timeout or a 6-hour step runs at
 * once; `nextSleep` lets a test wait for the moment code goes to sleep instead of guessing
 * with a real delay.
 */
export class VirtualClock implements Clock {
  readonly #start: number;
  #elapsed = 0;
  #nextId = 1;
  #timers: Timer[] = [];
  #sleepWaiters: ((ms: number) => void)[] = [];
  /** Every sleep requested, in ms, in order: what a back-off test reads. */
  readonly sleeps: number[] = [];
  /** Called with the due time (elapsed ms) just before each timer fires, e.g. to log it. */
  onFire: ((at: number) => void) | undefined;

  constructor(start = Date.parse('2026-01-01T00:00:00.000Z')) {
    this.#start = start;
  }

  now(): Date {
    return new Date(this.#start + this.#elapsed);
  }

  /** Virtual milliseconds since the clock was made: the `t=` of a timeline. */
  elapsedMs(): number {
    return this.#elapsed;
  }

  setTimer(ms: number, callback: () => Promise<void> | void): TimerHandle {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new Error(`setTimer needs a finite delay of 0 ms or more, got ${ms}: a timeout must be a number.`);
    }
    const timer = { id: this.#nextId++, at: this.#elapsed + ms, callback };
    this.#timers.push(timer);
    return { id: timer.id };
  }

  clearTimer(handle: TimerHandle): void {
    this.#timers = this.#timers.filter((timer) => timer.id !== handle.id);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const sleeping = sleepOn(this, ms, signal);
    if (!signal?.aborted) {
      this.sleeps.push(ms);
      this.#sleepWaiters.splice(0).forEach((notify) => notify(ms));
    }
    return sleeping;
  }

  /** Resolves with the length of the next sleep any code under test starts. */
  nextSleep(): Promise<number> {
    return new Promise((resolve) => this.#sleepWaiters.push(resolve));
  }

  /** When the earliest pending timer is due (elapsed ms), if any. */
  nextTimerAt(): number | undefined {
    return this.#timers.reduce<number | undefined>((min, t) => (min === undefined || t.at < min ? t.at : min), undefined);
  }

  pendingTimers(): number {
    return this.#timers.length;
  }

  /**
   * Moves time to `at` (elapsed ms), firing every timer due by then, including ones those
   * timers set. Timers whose callbacks return nothing fire before this returns, so a test
   * that does not await it still sees the time moved and the sleepers woken.
   */
  advanceTo(at: number): Promise<void> {
    if (at < this.#elapsed) return Promise.reject(new Error(`A clock cannot go back: now ${this.#elapsed}, asked for ${at}.`));
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= at).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#elapsed = due.at;
      this.onFire?.(due.at);
      const result = due.callback();
      if (result instanceof Promise) return result.then(() => this.advanceTo(at));
    }
    this.#elapsed = at;
    return Promise.resolve();
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(this.#elapsed + ms);
  }
}
