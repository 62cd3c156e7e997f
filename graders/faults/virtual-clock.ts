import type { Clock } from '../contracts/clock.ts';

interface Sleeper {
  wakeAt: number;
  resolve: () => void;
}

/**
 * A clock that moves only when the test says so. Code that sleeps registers a sleeper;
 * `advance` wakes every sleeper whose time has come, and `nextSleep` lets a test wait for
 * the moment code under test goes to sleep, instead of guessing with a real delay.
 */
export class VirtualClock implements Clock {
  private current: number;
  private sleepers: Sleeper[] = [];
  private sleepWaiters: ((ms: number) => void)[] = [];
  /** Every sleep requested, in ms, in order: what a back-off test reads. */
  readonly sleeps: number[] = [];

  constructor(start = Date.parse('2026-01-01T00:00:00.000Z')) {
    this.current = start;
  }

  now(): Date {
    return new Date(this.current);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      const sleeper: Sleeper = { wakeAt: this.current + ms, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          reject(signal.reason);
        },
        { once: true },
      );
      this.sleepWaiters.splice(0).forEach((notify) => notify(ms));
    });
  }

  /** Resolves with the length of the next sleep any code under test starts. */
  nextSleep(): Promise<number> {
    return new Promise((resolve) => this.sleepWaiters.push(resolve));
  }

  /** Moves time forward and wakes whoever's time has come, earliest first. */
  advance(ms: number): void {
    this.current += ms;
    const due = this.sleepers.filter((s) => s.wakeAt <= this.current).sort((a, b) => a.wakeAt - b.wakeAt);
    this.sleepers = this.sleepers.filter((s) => s.wakeAt > this.current);
    due.forEach((s) => s.resolve());
  }
}
