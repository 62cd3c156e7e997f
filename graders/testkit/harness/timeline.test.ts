import { describe, expect, it } from 'vitest';
import { formatSteps, humanTime, renderTimeline } from './timeline.ts';

describe('formatSteps', () => {
  it('writes one happening per line, with its time', () => {
    const text = formatSteps([
      { at: 3, text: 'reply CardCharged (o1) lost' },
      { at: 30, text: 'timer fired' },
    ]);
    expect(text.split('\n')).toEqual(['t=3   reply CardCharged (o1) lost', 't=30  timer fired']);
  });

  it('aligns actors when steps name them', () => {
    expect(formatSteps([{ actor: 'relay 1', text: 'dies' }, { actor: 'broker', text: 'takes m1' }]).split('\n')).toEqual([
      'relay 1  dies',
      'broker   takes m1',
    ]);
  });

  it('keeps the end of a long run, where the failure shows', () => {
    const steps = Array.from({ length: 10 }, (_, i) => ({ at: i, text: `step ${i}` }));
    expect(formatSteps(steps, { maxLines: 4 }).split('\n')).toEqual([
      '... 7 earlier lines left out ...', 't=7  step 7', 't=8  step 8', 't=9  step 9',
    ]);
  });

  it('says so when nothing happened', () => {
    expect(formatSteps([])).toBe('(nothing happened)');
  });
});

describe('humanTime', () => {
  it('writes milliseconds in the largest units that fit', () => {
    expect(humanTime(250)).toBe('t=250ms');
    expect(humanTime(90_000)).toBe('t=1m30s');
    expect(humanTime(3 * 3_600_000 + 60_000)).toBe('t=3h1m');
  });
});

describe('renderTimeline', () => {
  it('puts the problem first, then what was expected and found, then the numbered steps', () => {
    expect(renderTimeline({ problem: 'e1 applied twice', expected: '1', found: '2', steps: [{ actor: 'broker', text: 'delivers e1' }] }))
      .toBe('e1 applied twice\n  expected: 1\n  found:    2\n\nWhat happened (the smallest case found):\n   1. broker  delivers e1');
  });
});
