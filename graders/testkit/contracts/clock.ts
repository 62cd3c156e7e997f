/**
 * Time as code under test sees it. Production passes the system clock; tests pass a virtual
 * clock they move by hand, so timeouts, retries and back-off are tested without waiting.
 * Loops that wait (a relay between passes) sleep; state machines that time out (a saga
 * orchestrator) set timers.
 */
export interface Clock {
  now(): Date;
  /** Resolves after `ms` of this clock's time; rejects with the signal's reason if aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `callback` once, `ms` from now; returns a handle for `clearTimer`. */
  setTimer(ms: number, callback: () => Promise<void> | void): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

export interface TimerHandle {
  readonly id: number;
}

/** A sleep built on a clock's timers, so every clock sleeps the same way. */
export function sleepOn(clock: Pick<Clock, 'setTimer' | 'clearTimer'>, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clock.clearTimer(timer);
      reject(signal!.reason);
    };
    const timer = clock.setTimer(ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Wall-clock time, for production code and runs against real servers. */
export const systemClock: Clock = (() => {
  const timers = new Map<number, NodeJS.Timeout>();
  let nextId = 1;
  const clock: Clock = {
    now: () => new Date(),
    sleep: (ms, signal) => sleepOn(clock, ms, signal),
    setTimer(ms, callback) {
      const id = nextId++;
      timers.set(
        id,
        setTimeout(() => {
          timers.delete(id);
          void callback();
        }, ms),
      );
      return { id };
    },
    clearTimer(handle) {
      clearTimeout(timers.get(handle.id));
      timers.delete(handle.id);
    },
  };
  return clock;
})();
