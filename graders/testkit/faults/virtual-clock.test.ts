import { describe, expect, it } from 'vitest';
import { VirtualClock } from './virtual-clock.ts';

describe('VirtualClock', () => {
  it('fires due timers in time order when advanced, and none early', async () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.setTimer(30, () => void fired.push('b@30'));
    clock.setTimer(10, () => void fired.push('a@10'));
    await clock.advanceTo(20);
    expect(fired).toEqual(['a@10']);
    await clock.advanceTo(30);
    expect(fired).toEqual(['a@10', 'b@30']);
    expect(clock.elapsedMs()).toBe(30);
  });

  it('fires a timer set by a firing timer if it falls due before the target', async () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    clock.setTimer(5, () => void clock.setTimer(5, () => void fired.push(clock.elapsedMs())));
    await clock.advance(100);
    expect(fired).toEqual([10]);
  });

  it('never fires a cleared timer', async () => {
    const clock = new VirtualClock();
    let fired = false;
    clock.clearTimer(clock.setTimer(1, () => void (fired = true)));
    await clock.advance(10);
    expect(fired).toBe(false);
  });

  it('refuses to go back in time or take a delay that is not a number', async () => {
    const clock = new VirtualClock();
    await clock.advanceTo(10);
    await expect(clock.advanceTo(5)).rejects.toThrow(/cannot go back/);
    expect(() => clock.setTimer(Number.NaN, () => {})).toThrow(/finite delay/);
  });
});

describe('VirtualClock sleeps', () => {
  it('wakes a sleeper only when the clock reaches its time, without being awaited', async () => {
    const clock = new VirtualClock();
    let woke = false;
    const sleeping = clock.sleep(1_000).then(() => void (woke = true));
    void clock.advance(999);
    await Promise.resolve();
    expect(woke).toBe(false);
    void clock.advance(1);
    await sleeping;
    expect(woke).toBe(true);
    expect(clock.sleeps).toEqual([1_000]);
  });

  it('tells a test when code goes to sleep, and rejects a sleep that is aborted', async () => {
    const clock = new VirtualClock();
    const asleep = clock.nextSleep();
    const stop = new AbortController();
    const sleeping = clock.sleep(50, stop.signal);
    expect(await asleep).toBe(50);
    stop.abort(new Error('stopped'));
    await expect(sleeping).rejects.toThrow('stopped');
    expect(clock.pendingTimers()).toBe(0);
  });

  it('tells the time as a date that moves with it', async () => {
    const clock = new VirtualClock(Date.parse('2026-05-01T00:00:00.000Z'));
    await clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-05-01T00:01:30.000Z');
  });
});
