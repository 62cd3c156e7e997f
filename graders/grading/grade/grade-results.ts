import type { ProviderName } from '../../services/provider-choice.ts';
import type { ProgressLine } from '../progress/progress.ts';

/** The results file of one grade run; mirrors graders/schemas/results.schema.json. */
export interface GradeResults {
  schemaVersion: 1;
  course: string;
  gradedAt: string;
  target: 'learner' | 'solutions';
  runtime: { node: string; platform: string; durationMs: number };
  services: Partial<Record<'postgres' | 'kafka', ProviderName>>;
  integrity?: IntegrityFinding[];
  totals: {
    points: number;
    maxPoints: number;
    exercises: number;
    exercisesPassed: number;
    testsPassed: number;
    testsTotal: number;
  };
  exercises: ExerciseResult[];
  /**
   * The learner's progress view (the lines of `npm run progress`), computed by the
   * instructor's batch from these results and the learner's logs, for the class report; notes
   * name a log that was missing or could not be read.
   */
  progress?: { lines: ProgressLine[]; notes: string[] };
}

/** A course file that differs from the course's own copy, and what the grader did about it. */
export interface IntegrityFinding {
  file: string;
  change: 'modified' | 'deleted' | 'added';
  /**
   * course-copy: graded with the course's own content; left-out: an added file not used;
   * as-is: used as found (nothing better here), so the score is not trustworthy;
   * scored-zero: the course's copy could not be found, so its exercise scored 0.
   */
  handling: 'course-copy' | 'left-out' | 'as-is' | 'scored-zero';
  /** Set when learner code made the change while the grader ran it (then put back). */
  during?: 'grading';
}

export interface ExerciseResult {
  id: string;
  path: string;
  title: string;
  status: 'passed' | 'failed' | 'error';
  points: number;
  maxPoints: number;
  testsPassed: number;
  testsTotal: number;
  durationMs: number;
  reason?: string;
  firstFailure?: string;
  hint?: string;
  services?: Partial<Record<'postgres' | 'kafka', ProviderName>>;
  tests: TestResult[];
}

export interface TestResult {
  file: string;
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  message?: string;
  durationMs: number;
  embeddedOnly?: boolean;
}
