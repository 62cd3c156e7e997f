import { describe, expect, it } from 'vitest';
import { humanTime, renderTimeline } from './render-timeline.ts';

describe('renderTimeline', () => {
  it('writes one happening per line, with its time', () => {
    const text = renderTimeline([
      { at: 3, text: 'reply CardCharged (o1) lost' },
      { at: 30, text: 'timer fired' },
    ]);
    expect(text.split('\n')).toEqual(['t=3   reply CardCharged (o1) lost', 't=30  timer fired']);
  });

  it('keeps the end of a long run, where the failure shows', () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({ at: i, text: `step ${i}` }));
    const lines = renderTimeline(entries, { maxLines: 4 }).split('\n');
    expect(lines).toEqual(['... 7 earlier lines left out ...', 't=7  step 7', 't=8  step 8', 't=9  step 9']);
  });

  it('says so when nothing happened', () => {
    expect(renderTimeline([])).toBe('(nothing happened)');
  });
});

describe('humanTime', () => {
  it('writes milliseconds in the largest units that fit', () => {
    expect(humanTime(250)).toBe('t=250ms');
    expect(humanTime(90_000)).toBe('t=1m30s');
    expect(humanTime(3 * 3_600_000 + 60_000)).toBe('t=3h1m');
  });
});
