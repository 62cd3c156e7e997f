import { describe, expect, it } from 'vitest';
import type { Exercise } from '../runner/exercise-catalog.ts';
import type { LegOutcome } from './clinic-legs.ts';
import { withLegs } from './clinic-score.ts';
import type { ExerciseResult } from './grade-results.ts';

const item = { path: 'clinic/x/01-item', meta: { id: '01-item', points: 10, hints: ['read the story'], clinic: { reproductionPoints: 3 } } } as unknown as Exercise;
const behaviour = (passed: number, total: number, status: ExerciseResult['status'] = passed === total ? 'passed' : 'failed'): ExerciseResult => ({
  id: '01-item', path: item.path, title: 'x', status, points: 0, maxPoints: 10, testsPassed: passed, testsTotal: total, durationMs: 1,
  tests: Array.from({ length: total }, (_, i) => ({ file: 'test/a.test.ts', name: `t${i}`, status: i < passed ? 'passed' : 'failed', durationMs: 1 })),
  ...(passed < total ? { firstFailure: 't: failed' } : {}),
});
const legs = (shipped: boolean, yours: boolean, course: boolean | 'skipped'): LegOutcome[] => [
  { leg: 'fails-on-shipped-mistake', ok: shipped, detail: shipped ? 'fails on the shipped code' : 'passes on the shipped code' },
  { leg: 'passes-on-your-repair', ok: yours, detail: 'd' },
  course === 'skipped'
    ? { leg: 'passes-on-course-repair', ok: true, skipped: true, detail: 'not checked here' }
    : { leg: 'passes-on-course-repair', ok: course, detail: 'd' },
];

describe("a clinic item's score", () => {
  it('gives full points when the behaviour tests pass and the reproduction holds on every leg', () => {
    expect(withLegs(item, behaviour(7, 7), legs(true, true, true))).toMatchObject({ status: 'passed', points: 10, testsPassed: 10, testsTotal: 10 });
  });

  it('withholds only the reproduction points when one leg fails, and names that leg first when behaviour passed', () => {
    const result = withLegs(item, behaviour(7, 7), legs(false, true, true));
    expect(result).toMatchObject({ status: 'failed', points: 7, testsPassed: 9, testsTotal: 10 });
    expect(result.firstFailure).toBe('your reproduction › fails on the mistake as shipped: passes on the shipped code');
  });

  it('shares the behaviour points by tests passed, and keeps the first failing behaviour test first', () => {
    const result = withLegs(item, behaviour(5, 7), legs(true, true, true));
    expect(result.points).toBe(8);
    expect(result.firstFailure).toBe('t: failed');
  });

  it('does not count a leg that could not be checked here against the learner', () => {
    expect(withLegs(item, behaviour(7, 7), legs(true, true, 'skipped'))).toMatchObject({ status: 'passed', points: 10, testsPassed: 9, testsTotal: 9 });
  });

  it('keeps a run that could not be trusted at 0, whatever the legs say', () => {
    expect(withLegs(item, { ...behaviour(7, 7, 'error'), reason: 'crashed' }, legs(true, true, true))).toMatchObject({ status: 'error', points: 0 });
  });
});
