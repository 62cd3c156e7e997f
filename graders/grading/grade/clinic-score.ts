import type { Exercise } from '../runner/exercise-catalog.ts';
import { reproductionTestFile } from '../runner/reproduction-legs.ts';
import type { LegOutcome } from './clinic-legs.ts';
import type { ExerciseResult, TestResult } from './grade-results.ts';

const legNames: Record<LegOutcome['leg'], string> = {
  'fails-on-shipped-mistake': 'your reproduction › fails on the mistake as shipped',
  'passes-on-your-repair': 'your reproduction › passes on your repair',
  'passes-on-course-repair': "your reproduction › passes on the course's repair",
};

/**
 * A clinic item's score: its reproduction points when every leg holds (a leg not checkable
 * here does not count against it), and the rest in proportion to the behaviour tests passed.
 * The legs join the results as tests of their own, so the scoreboard and the report name the
 * leg that failed. A run that could not be trusted keeps its 0 and its reason.
 */
export function withLegs(exercise: Exercise, result: ExerciseResult, legs: readonly LegOutcome[]): ExerciseResult {
  const reproductionPoints = exercise.meta.clinic?.reproductionPoints ?? 0;
  const legTests: TestResult[] = legs.map((leg) => ({
    file: reproductionTestFile,
    name: legNames[leg.leg],
    status: leg.skipped ? 'skipped' : leg.ok ? 'passed' : 'failed',
    message: leg.detail,
    durationMs: 0,
  }));
  const tests = [...result.tests, ...legTests];
  const legsHold = legs.every((leg) => leg.ok);
  const behaviourShare = result.testsTotal > 0 ? result.testsPassed / result.testsTotal : 0;
  const points = result.status === 'error'
    ? 0
    : Math.round(((exercise.meta.points - reproductionPoints) * behaviourShare + (legsHold ? reproductionPoints : 0)) * 100) / 100;
  const failedLeg = legs.find((leg) => !leg.ok);
  const status = result.status === 'error' ? 'error' : result.status === 'passed' && legsHold ? 'passed' : 'failed';
  return {
    ...result,
    status,
    points,
    testsPassed: result.testsPassed + legTests.filter((test) => test.status === 'passed').length,
    testsTotal: result.testsTotal + legTests.filter((test) => test.status !== 'skipped').length,
    ...(result.firstFailure || !failedLeg ? {} : { firstFailure: `${legNames[failedLeg.leg]}: ${failedLeg.detail}` }),
    ...(status !== 'passed' && !result.hint && exercise.meta.hints[0] ? { hint: exercise.meta.hints[0] } : {}),
    tests,
  };
}
