import type { ProviderName } from '../services/provider-choice.ts';

/** The results file of one grade run; mirrors graders/schemas/results.schema.json. */
export interface GradeResults {
  schemaVersion: 1;
  course: string;
  gradedAt: string;
  target: 'learner' | 'solutions';
  runtime: { node: string; platform: string; durationMs: number };
  services: Partial<Record<'postgres' | 'kafka', ProviderName>>;
  integrity?: { file: string; change: 'modified' | 'deleted' | 'added' }[];
  totals: {
    points: number;
    maxPoints: number;
    exercises: number;
    exercisesPassed: number;
    testsPassed: number;
    testsTotal: number;
  };
  exercises: ExerciseResult[];
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
