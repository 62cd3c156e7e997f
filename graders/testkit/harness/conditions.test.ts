import { describe, expect, it } from 'vitest';
import { Conditions } from './conditions.ts';

describe('Conditions', () => {
  it('resolves at once when the condition already holds, and on the change that makes it hold', async () => {
    const conditions = new Conditions();
    await conditions.until(() => true, 'nothing', () => '');
    let count = 0;
    const reached = conditions.until(() => count >= 2, 'two things', () => `count ${count}`);
    count = 1;
    conditions.changed();
    count = 2;
    conditions.changed();
    await expect(reached).resolves.toBeUndefined();
  });

  it('fails after the limit saying what it waited for and what it saw', async () => {
    const conditions = new Conditions();
    await expect(conditions.until(() => false, 'a delivery', () => 'saw none', 20)).rejects.toThrow('Waited 20 ms for a delivery; saw none');
  });
});
