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
    expect(clock.now()).toBe(30);
  });

  it('fires a timer set by a firing timer if it falls due before the target', async () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    clock.setTimer(5, () => void clock.setTimer(5, () => void fired.push(clock.now())));
    await clock.advanceBy(100);
    expect(fired).toEqual([10]);
  });

  it('never fires a cleared timer', async () => {
    const clock = new VirtualClock();
    let fired = false;
    clock.clearTimer(clock.setTimer(1, () => void (fired = true)));
    await clock.advanceBy(10);
    expect(fired).toBe(false);
  });

  it('refuses to go back in time or take a delay that is not a number', async () => {
    const clock = new VirtualClock();
    await clock.advanceTo(10);
    await expect(clock.advanceTo(5)).rejects.toThrow(/cannot go back/);
    expect(() => clock.setTimer(Number.NaN, () => {})).toThrow(/finite delay/);
  });
});
