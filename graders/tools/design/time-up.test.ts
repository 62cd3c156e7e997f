import { describe, expect, it } from 'vitest';
import type { PracticeLog } from '../practice/practice-log.ts';
import { practiceTimeUp } from './time-up.ts';

const kata = 'design/01-sample-pipeline';
const startedAt = '2026-03-02T09:00:00.000Z';
const start = Date.parse(startedAt);
const minute = 60_000;
const active = { id: '01-sample-pipeline-20260302T090000000Z', kata, variant: 'default', startedAt, timeLimitMinutes: 60 };
const log = (over: Partial<PracticeLog>): PracticeLog => ({ version: 1, attempts: [], saved: [], ...over });

describe('practice time limit for Compare (injected clock)', () => {
  it('a running attempt: up from the minute its limit is reached, not before', () => {
    expect(practiceTimeUp(log({ active }), kata, start + 59 * minute)).toBeUndefined();
    expect(practiceTimeUp(log({ active }), kata, start + 60 * minute)).toEqual({ startedAt, timeLimitMinutes: 60 });
  });

  it("a finished attempt: by how long it ran, whatever the clock says now", () => {
    const stopped = (elapsedMinutes: number) => ({ ...active, endedAt: startedAt, elapsedMs: elapsedMinutes * minute, passed: false });
    expect(practiceTimeUp(log({ attempts: [stopped(20)] }), kata, start + 900 * minute)).toBeUndefined();
    expect(practiceTimeUp(log({ attempts: [stopped(61)] }), kata, start + 61 * minute)).toMatchObject({ timeLimitMinutes: 60 });
  });

  it("only the kata's latest attempt counts, and only this kata's", () => {
    const old = { ...active, id: `${active.id}-2`, startedAt: '2026-03-01T09:00:00.000Z', endedAt: startedAt, elapsedMs: 90 * minute, passed: false };
    expect(practiceTimeUp(log({ attempts: [old], active }), kata, start + minute)).toBeUndefined();
    expect(practiceTimeUp(log({ active: { ...active, kata: 'design/02-other' } }), kata, start + 600 * minute)).toBeUndefined();
    expect(practiceTimeUp(log({}), kata, start)).toBeUndefined();
  });
});
