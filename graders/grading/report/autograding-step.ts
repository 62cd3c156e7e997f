import type { GradeResults } from '../grade/grade-results.ts';
import { isSelfReportedPractice } from '../quiz/practice.ts';

/**
 * The per-step result of the Classroom-style autograding actions: what
 * classroom-resources/autograding-command-grader sets as its `result` output (base64 of
 * this JSON) and autograding-grading-reporter reads back from `<STEP_ID>_RESULTS`. The
 * reporter scores a step as passing tests / all tests × max_score, and the grade summed in
 * its notice is the sum of the tests' `score`, so each passing test carries its share.
 */
export interface AutogradingStepResult {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  max_score: number;
  tests: {
    name: string;
    status: 'pass' | 'fail' | 'error';
    score: number;
    message: string;
    test_code: string;
    filename: string;
    line_no: number;
    duration: number;
  }[];
}

export function renderAutogradingStep(results: GradeResults, exerciseId: string): AutogradingStepResult {
  const exercise = results.exercises.find((e) => e.id === exerciseId || e.path === exerciseId);
  if (!exercise) {
    throw new Error(`No exercise "${exerciseId}" in these results; graded: ${results.exercises.map((e) => e.id).join(', ')}.`);
  }
  const command = `npm run grade -- ${exercise.id}`;
  // Self-reported practice (the quiz) is reported, never scored.
  const maxScore = isSelfReportedPractice(exercise) ? 0 : exercise.maxPoints;
  if (exercise.status === 'error' || exercise.tests.length === 0) {
    return {
      version: 1,
      status: 'error',
      max_score: maxScore,
      tests: [{
        name: exercise.title, status: 'error', score: 0, message: exercise.reason ?? 'no tests ran',
        test_code: command, filename: exercise.path, line_no: 0, duration: Math.round(exercise.durationMs),
      }],
    };
  }
  const share = maxScore / exercise.tests.length;
  return {
    version: 1,
    status: exercise.status === 'passed' ? 'pass' : 'fail',
    max_score: maxScore,
    tests: exercise.tests.map((test) => ({
      name: test.name,
      status: test.status === 'passed' ? 'pass' : 'fail',
      score: test.status === 'passed' ? share : 0,
      message: test.status === 'skipped' ? 'skipped' : (test.message ?? ''),
      test_code: command,
      filename: `exercises/${exercise.path}/${test.file}`,
      line_no: 0,
      duration: Math.round(test.durationMs),
    })),
  };
}

/** The `result` output value: base64 of the JSON, as the reporter decodes it. */
export function encodeAutogradingStep(result: AutogradingStepResult): string {
  return Buffer.from(JSON.stringify(result)).toString('base64');
}
