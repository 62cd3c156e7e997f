import type { Clock, TimerHandle } from './message-bus.ts';

/** Wall-clock time, for runs against real servers where virtual time cannot reach. */
export function systemClock(): Clock {
  const timers = new Map<number, NodeJS.Timeout>();
  let nextId = 1;
  return {
    now: () => Date.now(),
    setTimer(ms, callback) {
      const id = nextId++;
      timers.set(id, setTimeout(() => {
        timers.delete(id);
        void callback();
      }, ms));
      return { id };
    },
    clearTimer(handle: TimerHandle) {
      clearTimeout(timers.get(handle.id));
      timers.delete(handle.id);
    },
  };
}
