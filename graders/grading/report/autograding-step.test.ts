import { describe, expect, it } from 'vitest';
import { encodeAutogradingStep, renderAutogradingStep } from './autograding-step.ts';
import { sampleResults } from './sample-results.ts';

/**
 * What autograding-grading-reporter does with a step's result (its main.js, console-results.js
 * and notify-classroom.js at v1, commit d13b5912daf5042ac1b71bc38bdb4a6bcd61d8ca): decode
 * `<ID>_RESULTS` from base64, score the step as passing/all × max_score, and sum the tests'
 * `score` fields for the grade it reports.
 */
function asTheReporterReadsIt(encoded: string) {
  const results = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  const passing = results.tests.filter((t: { status: string }) => t.status === 'pass').length;
  return {
    results,
    stepScore: (passing / results.tests.length) * (results.max_score || 0),
    notifiedPoints: results.tests.reduce((sum: number, t: { score: number }) => sum + t.score, 0),
  };
}

/** The shape the command grader itself emits (its generateResult), recorded from v1. */
const recordedCommandGraderResult = {
  version: 1, status: 'pass', max_score: 10,
  tests: [{ name: 'x', status: 'pass', score: 10, message: '', test_code: 'npm test', filename: '', line_no: 0, duration: 1200 }],
};

describe('renderAutogradingStep', () => {
  it('has exactly the fields the command grader emits, with the same types', () => {
    const step = renderAutogradingStep(sampleResults(), '02-outbox');
    expect(Object.keys(step).sort()).toEqual(Object.keys(recordedCommandGraderResult).sort());
    for (const test of step.tests) {
      expect(Object.keys(test).sort()).toEqual(Object.keys(recordedCommandGraderResult.tests[0]!).sort());
      for (const [key, value] of Object.entries(recordedCommandGraderResult.tests[0]!)) {
        expect(typeof test[key as keyof typeof test], key).toBe(typeof value);
      }
    }
  });

  it('gives the reporter the exercise points both ways it counts them', () => {
    const { results, stepScore, notifiedPoints } = asTheReporterReadsIt(encodeAutogradingStep(renderAutogradingStep(sampleResults(), '02-outbox')));
    expect(results.status).toBe('fail');
    expect(stepScore).toBeCloseTo(5, 9);
    expect(notifiedPoints).toBeCloseTo(5, 9);
  });

  it('reports a run that failed as a whole as one error worth nothing, with the reason', () => {
    const { results, stepScore } = asTheReporterReadsIt(encodeAutogradingStep(renderAutogradingStep(sampleResults(), '03-consumer')));
    expect(results).toMatchObject({ status: 'error', max_score: 10, tests: [{ status: 'error', score: 0, message: 'timed out: did not finish within 8 s' }] });
    expect(stepScore).toBe(0);
  });

  it('passes a complete exercise with full marks', () => {
    const { results, notifiedPoints } = asTheReporterReadsIt(encodeAutogradingStep(renderAutogradingStep(sampleResults(), '01-order-placed-event')));
    expect([results.status, notifiedPoints]).toEqual(['pass', 10]);
  });

  it('names the graded exercises when asked for one that is not there', () => {
    expect(() => renderAutogradingStep(sampleResults(), '09-nope')).toThrow(/No exercise "09-nope".*01-order-placed-event, 02-outbox, 03-consumer/);
  });
});
