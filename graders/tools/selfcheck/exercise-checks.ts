import { join } from 'node:path';
import type { Exercise } from '../../grading/runner/exercise-catalog.ts';
import { type RunOutcome, runVitest } from '../../grading/runner/run-vitest.ts';
import { starterProblem } from '../../grading/runner/starter-failures.ts';
import { type CodeSource, describeSource } from '../../grading/runner/variant-copy.ts';

export type Way = 'starter' | 'reference' | 'mutant';

export interface VariantCheck {
  exercise: Exercise;
  source: CodeSource;
  way: Way;
  /** Where its copy was laid out (see copyExercise). */
  root: string;
}

export interface CheckResult {
  title: string;
  ok: boolean;
  /** What went wrong and what to do, when not ok; a one-line summary when ok. */
  detail: string;
  way?: Way;
}

/** Runs one copy's tests and judges the outcome by the rule for its way. */
export async function checkVariant(check: VariantCheck, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CheckResult> {
  // A starter must show every failure (each one has to be instructive); a mutant needs one.
  // Neither needs the smallest failing case, so neither shrinks.
  const outcome = await runVitest({
    root: check.root, env, timeoutMs, bail: check.way === 'mutant', noShrink: check.way !== 'reference',
  });
  return judge(check, outcome);
}

export function judge(check: VariantCheck, outcome: RunOutcome): CheckResult {
  const { exercise, source, way } = check;
  const label = describeSource(source);
  const failed = outcome.tests.filter((test) => test.status === 'failed');
  const total = outcome.tests.length;
  if (way === 'starter') {
    const problem = starterProblem(outcome);
    return problem
      ? { title: `${exercise.path}: starter`, ok: false, way, detail: `exercises/${exercise.path}: ${problem}` }
      : { title: `${exercise.path}: starter fails by assertion or TODO`, ok: true, way, detail: `${failed.length} of ${total} tests fail` };
  }
  if (way === 'reference') {
    const where = source.kind === 'alternate' ? `solutions/${exercise.path}/alternates/${source.name}` : `solutions/${exercise.path}`;
    if (outcome.abort) {
      return { title: `${exercise.path}: ${label}`, ok: false, way, detail: `${where}: ${outcome.abort.detail}` };
    }
    const problem = outcome.brokenFiles[0] ?? failed[0];
    if (problem || total === 0) {
      const what = !problem
        ? 'no test ran'
        : 'error' in problem
          ? `${problem.file} does not load: ${problem.error.split('\n')[0]}`
          : `"${problem.name}" (${problem.file}) fails: ${problem.message}`;
      return {
        title: `${exercise.path}: ${label}`,
        ok: false,
        way,
        detail: `${where}/src must pass every test; ${what}. Fix the reference or the test.`,
      };
    }
    return { title: `${exercise.path}: ${label} passes`, ok: true, way, detail: `${total} tests pass` };
  }
  const mutantPath = `solutions/${exercise.path}/mutants/${source.kind === 'mutant' ? source.name : ''}`;
  if (outcome.abort || outcome.brokenFiles[0]) {
    const why = outcome.abort?.detail ?? `${outcome.brokenFiles[0]!.file} does not load: ${outcome.brokenFiles[0]!.error.split('\n')[0]}`;
    return {
      title: `${exercise.path}: ${label}`,
      ok: false,
      way,
      detail: `${mutantPath}: ${why}. A mutant is working code with one named mistake; a test must catch it by failing.`,
    };
  }
  if (failed.length === 0) {
    return {
      title: `${exercise.path}: ${label}`,
      ok: false,
      way,
      detail:
        `${mutantPath} passes all ${total} tests: the mistake it names goes unnoticed. ` +
        'Add a test that fails on it (and passes on the reference).',
    };
  }
  // Mutant runs stop at the first failure, so that failure is all there is to report.
  return { title: `${exercise.path}: ${label} is caught`, ok: true, way, detail: `by "${failed[0]!.name}"` };
}

/** Every copy one exercise needs for the self-check, in the order they are reported. */
export function plannedChecks(exercise: Exercise, runDir: string): VariantCheck[] {
  const at = (name: string) => join(runDir, exercise.meta.id, name);
  return [
    { exercise, source: { kind: 'starter' }, way: 'starter', root: at('starter') },
    { exercise, source: { kind: 'reference' }, way: 'reference', root: at('reference') },
    ...exercise.alternates.map((name): VariantCheck => ({
      exercise, source: { kind: 'alternate', name }, way: 'reference', root: at(`alternate-${name}`),
    })),
    ...exercise.mutants.map((name): VariantCheck => ({
      exercise, source: { kind: 'mutant', name }, way: 'mutant', root: at(`mutant-${name}`),
    })),
  ];
}
