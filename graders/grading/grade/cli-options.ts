import { parseArgs } from 'node:util';
import { gradingConcurrency } from './concurrency.ts';

export const usage = `Usage: npm run grade [-- [exercise ...] [options]]
  exercise             grade only exercises whose path contains this text (e.g. 01 or outbox)
  --solutions          grade the course's reference solutions instead (full marks expected)
  --record-canonical   with --solutions: record each passing reference's tests as the only
                       tests a grade counts (graders/grading/integrity/canonical-tests.json)
  --learner DIR        grade the src/ and answers.md of another checkout with this course's tests
  --timeout S          seconds one exercise may run before it scores 0 (default 240)
  --results FILE       where to write the results JSON (default results/grade.json)
  --from-results FILE  do not grade: write the reports below from an earlier results file
Reports, each computed from the results file:
  --summary FILE       Markdown summary, appended (default: $GITHUB_STEP_SUMMARY when set)
  --junit FILE         JUnit XML
  --classroom50 FILE   Classroom 50 result.json (reads CLASSROOM, ASSIGNMENT, ... from its runner)
  --autograding-step EXERCISE
                       print the Classroom-style step result for one exercise, set the step's
                       \`result\` output when $GITHUB_OUTPUT is set, exit 0 only if it passed
Instructors:
  --submissions DIR    grade every learner checkout in DIR (one per subfolder) into a CSV and
                       an HTML report in --out (default results/submissions); --jobs N at once
                       (default: one more than the cores, at most 4)
  --collect DIR        merge the results files the class workflow's shards uploaded (downloaded
                       into DIR) into one CSV and HTML report in --out; --roster FILE names
                       learners whose results are missing (npm run instructor -- workflow)`;

export type GradeOptions = ReturnType<typeof parseGradeOptions>;

/** The grade command's options, checked; throws an Error whose message says what to fix. */
export function parseGradeOptions(args: string[], env: NodeJS.ProcessEnv) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      solutions: { type: 'boolean', default: false },
      'record-canonical': { type: 'boolean', default: false },
      learner: { type: 'string' },
      timeout: { type: 'string', default: '240' },
      results: { type: 'string', default: 'results/grade.json' },
      'from-results': { type: 'string' },
      summary: { type: 'string' },
      junit: { type: 'string' },
      classroom50: { type: 'string' },
      'autograding-step': { type: 'string' },
      submissions: { type: 'string' },
      out: { type: 'string', default: 'results/submissions' },
      jobs: { type: 'string' },
      collect: { type: 'string' },
      roster: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const timeoutSeconds = Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new Error(`--timeout takes a number of seconds greater than 0, not "${values.timeout}".`);
  }
  const jobs = values.jobs === undefined ? gradingConcurrency() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs takes a whole number of at least 1, not "${values.jobs}".`);
  if (values['record-canonical'] && !values.solutions) throw new Error('--record-canonical records the reference run: add --solutions.');
  if (values.solutions && values.learner) throw new Error('Choose one of --solutions and --learner: both say whose code to grade.');
  if (values.submissions && (values.solutions || values.learner)) {
    throw new Error('--submissions grades each subfolder as a learner checkout; leave out --solutions and --learner.');
  }
  if (values.collect && (values.submissions || values.solutions || values.learner)) {
    throw new Error('--collect merges results already graded; leave out --submissions, --solutions and --learner.');
  }
  if (values.roster && !values.collect) throw new Error('--roster goes with --collect: it names the learners whose results should be there.');
  const step = values['autograding-step'];
  return {
    help: values.help,
    filters: step && positionals.length === 0 ? [step] : positionals,
    solutions: values.solutions,
    recordCanonical: values['record-canonical'],
    learner: values.learner,
    timeoutMs: timeoutSeconds * 1000,
    results: values.results,
    fromResults: values['from-results'],
    reports: {
      summary: values.summary ?? env.GITHUB_STEP_SUMMARY,
      junit: values.junit,
      classroom50: values.classroom50,
      autogradingStep: step,
    },
    submissions: values.submissions,
    collect: values.collect,
    roster: values.roster,
    out: values.out,
    jobs,
  };
}
