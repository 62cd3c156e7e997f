import type { GradeResults } from '../grade/grade-results.ts';
import { isSelfReportedPractice } from '../quiz/practice.ts';

/**
 * Classroom 50's `result.json` (schema id `classroom50/result/v1`), the one file its runner
 * reads from an autograder. Modelled on the published contract: the schema
 * https://github.com/foundation50/classroom50/blob/main/schemas/result-v1.schema.json
 * (seen at commit 6e593c79b87c99f94fec2ae0badadba761360516) and the wiki page
 * "Advanced Autograding" (section "The result.json contract"). Scores there are integers,
 * so each exercise's points are rounded down: the adapter never gives more than was earned.
 */
export interface Classroom50Result {
  schema: 'classroom50/result/v1';
  classroom: string;
  assignment: string;
  assignment_type: 'individual' | 'group';
  owner: string;
  submission: string;
  commit: string;
  release: string;
  review: string;
  datetime: string;
  graded_at: string;
  score: number;
  'max-score': number;
  tests: Classroom50Test[];
  submitted_by?: { username: string; id: number | null };
}

export interface Classroom50Test {
  'test-name': string;
  passed: boolean;
  score: number;
  'max-score': number;
  /** Extra diagnostic fields are kept verbatim by Classroom 50. */
  message?: string;
  'tests-passed': string;
}

/** Who and what was graded: Classroom 50's runner gives these to the autograder. */
export interface Classroom50Identity {
  classroom: string;
  assignment: string;
  assignmentType: 'individual' | 'group';
  owner: string;
  submission: string;
  commitUrl: string;
  releaseUrl: string;
  reviewUrl: string;
  /** The graded commit's committer date. */
  submittedAt: Date;
  submittedBy?: { username: string; id: number | null };
}

export function renderClassroom50Result(results: GradeResults, identity: Classroom50Identity): Classroom50Result {
  const tamper = (results.integrity ?? []).length;
  const tests = results.exercises.map((exercise): Classroom50Test => {
    // Self-reported practice (the quiz) is reported, never scored.
    const max = isSelfReportedPractice(exercise) ? 0 : Math.round(exercise.maxPoints);
    const note = exercise.reason ?? exercise.firstFailure;
    return {
      'test-name': `${exercise.id}: ${exercise.title}`,
      passed: exercise.status === 'passed',
      score: Math.min(max, Math.floor(exercise.points + 1e-9)),
      'max-score': max,
      'tests-passed': `${exercise.testsPassed}/${exercise.testsTotal}`,
      ...(note ? { message: note } : {}),
    };
  });
  if (tamper > 0) {
    tests.push({
      'test-name': 'course files unchanged',
      passed: false,
      score: 0,
      'max-score': 0,
      'tests-passed': '0/1',
      message: `${tamper} course file(s) differ from the course: ${(results.integrity ?? []).map((f) => f.file).join(', ')}`,
    });
  }
  return {
    schema: 'classroom50/result/v1',
    classroom: identity.classroom,
    assignment: identity.assignment,
    assignment_type: identity.assignmentType,
    owner: identity.owner,
    submission: identity.submission,
    commit: identity.commitUrl,
    release: identity.releaseUrl,
    review: identity.reviewUrl,
    datetime: utcSeconds(identity.submittedAt),
    graded_at: utcSeconds(new Date(results.gradedAt)),
    score: tests.reduce((sum, t) => sum + t.score, 0),
    'max-score': tests.reduce((sum, t) => sum + t['max-score'], 0),
    tests,
    ...(identity.submittedBy ? { submitted_by: identity.submittedBy } : {}),
  };
}

/** The identity from the variables Classroom 50's runner sets, with what is missing named. */
export function classroom50IdentityFromEnv(env: NodeJS.ProcessEnv, submittedAt: Date): Classroom50Identity {
  const wanted = ['CLASSROOM', 'ASSIGNMENT', 'SUBMISSION_TAG', 'COMMIT_URL', 'RELEASE_URL'];
  const missing = wanted.filter((name) => !env[name]);
  const owner = env.OWNER ?? env.USERNAME;
  if (!owner) missing.push('OWNER (or USERNAME)');
  if (missing.length > 0) {
    throw new Error(
      `--classroom50 needs what Classroom 50's runner provides; missing: ${missing.join(', ')}. ` +
        'Run it from the Classroom 50 autograder, or set these variables yourself.',
    );
  }
  const type = env.ASSIGNMENT_TYPE === 'group' ? 'group' : 'individual';
  return {
    classroom: env.CLASSROOM!,
    assignment: env.ASSIGNMENT!,
    assignmentType: type,
    owner: owner!,
    submission: env.SUBMISSION_TAG!,
    commitUrl: env.COMMIT_URL!,
    releaseUrl: env.RELEASE_URL!,
    reviewUrl: env.REVIEW_URL || env.COMMIT_URL!,
    submittedAt,
    ...(env.GITHUB_ACTOR
      ? { submittedBy: { username: env.GITHUB_ACTOR, id: env.GITHUB_ACTOR_ID ? Number(env.GITHUB_ACTOR_ID) : null } }
      : {}),
  };
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the only form the contract accepts (no milliseconds). */
export function utcSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
