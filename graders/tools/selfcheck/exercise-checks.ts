import { canonicalDrift } from './canonical-check.ts';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { Exercise } from '../../grading/runner/exercise-catalog.ts';
import { mutantPatchFile } from '../../grading/runner/mutant-patch.ts';
import { repoRoot } from '../../grading/runner/repo-paths.ts';
import type { RunOutcome } from '../../grading/runner/run-vitest.ts';
import { starterProblem } from '../../grading/runner/starter-failures.ts';
import { type CodeSource, copyExercise, describeSource } from '../../grading/runner/variant-copy.ts';
import { seedVariable } from '../../testkit/harness/property.ts';
import { checkMutant } from './mutant-checks.ts';
import type { SelfcheckOptions } from './options.ts';
import { type RunBatch, runAlone, type Runner } from './run-batch.ts';
import { exerciseDigest, type RunCache, type RunInputs, seedFromInputs } from './run-cache.ts';

export type Way = 'starter' | 'reference' | 'mutant';

export interface VariantCheck {
  exercise: Exercise;
  source: CodeSource;
  way: Way;
  /** Where its copy was laid out (see copyExercise). */
  root: string;
  /** Why the copy cannot run at all (its patch does not apply, it does not type-check), when so. */
  loadProblem?: string;
}

export interface CheckResult {
  title: string;
  ok: boolean;
  /** What went wrong and what to do, when not ok; a one-line summary when ok. */
  detail: string;
  way?: Way;
  /** Passes for now, but the author has something to do (a mutant without a Caught-by line). */
  warning?: string;
  /** The outcome was recorded by an earlier run with the same inputs. */
  cached?: boolean;
}

/** What every run of one self-check shares. */
export interface RunContext {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  options: Pick<SelfcheckOptions, 'seedCount' | 'seeds' | 'ci'>;
  cache: RunCache<CheckResult>;
  /** Digest of the inputs every run shares (see sharedDigest). */
  shared: string;
  /** How the copies are run: a batch shared with the exercise's other checks (the default), or one process each. */
  batch?: RunBatch;
  /** Runs the copies when there is no batch: one process each (--alone). */
  runner?: Runner;
}

/** Lays out every check's copy; a copy that cannot be made (a patch that no longer applies) is marked, not thrown. */
export async function layOutCopies(checks: VariantCheck[]): Promise<void> {
  await Promise.all(
    checks.map((check) =>
      copyExercise(check.exercise, check.source, check.root).catch((error: Error) => {
        check.loadProblem = error.message;
      }),
    ),
  );
}

/**
 * The inputs a run depends on and the seeds it uses: named with --seed, fresh in CI (so CI
 * tries new seeds every time), otherwise drawn from the inputs (so an unchanged run is reused).
 */
export function runInputs(check: VariantCheck, context: Pick<RunContext, 'options' | 'shared'>): RunInputs {
  const { exercise, source, way } = check;
  const patch = source.kind === 'mutant' ? mutantPatchFile(exercise.solutionFolder!, source.name) : undefined;
  const base = { shared: context.shared, exercise: exerciseDigest(repoRoot, exercise.folder, exercise.solutionFolder, patch), run: describeSource(source) };
  const { seedCount, seeds: named, ci } = context.options;
  const count = way === 'mutant' ? seedCount : 1;
  const seeds = named.length > 0
    ? named.slice(0, count)
    : Array.from({ length: count }, (_, index) => (ci ? randomInt(2 ** 31) : seedFromInputs(base, index)));
  return { ...base, seeds };
}

/** Runs one copy's tests (or reuses the recorded pass of the same inputs) and judges the outcome by the rule for its way. */
export async function checkVariant(check: VariantCheck, context: RunContext): Promise<CheckResult> {
  const member = context.batch?.join() ?? { run: context.runner ?? runAlone, leave: () => undefined };
  try {
    const inputs = runInputs(check, context);
    const cached = check.loadProblem ? undefined : await context.cache.get(inputs);
    if (cached) return { ...cached, cached: true };
    const result = check.way === 'mutant'
      ? await checkMutant(check, context.env, context.timeoutMs, inputs.seeds, member.run)
      : await checkCopy(check, context, inputs.seeds[0]!, member.run);
    await context.cache.putPass(inputs, result, result.ok);
    return result;
  } finally {
    // A check that ran nothing must not hold its batch back.
    member.leave();
  }
}

async function checkCopy(check: VariantCheck, { env, timeoutMs }: RunContext, seed: number, run: Runner): Promise<CheckResult> {
  if (check.loadProblem) {
    return { title: `${check.exercise.path}: ${describeSource(check.source)} does not load`, ok: false, way: check.way, detail: check.loadProblem };
  }
  // A starter must show every failure (each one has to be instructive) but not the smallest
  // failing case, so it does not shrink.
  const [outcome] = await run([{ root: check.root, env: { ...env, [seedVariable]: String(seed) }, timeoutMs, noShrink: check.way === 'starter', mustPass: check.way === 'reference' }]);
  const result = judge(check, outcome!);
  return { ...result, detail: result.ok ? `${result.detail}, seed ${seed}` : `${result.detail}
(seed ${seed}; replay: npm test -- ${check.exercise.meta.id} --seed ${seed})` };
}

/** One result as the self-check prints it: a line, its seeds and any warning below it. */
export function formatResult(result: CheckResult): string {
  const indent = (text: string) => text.split('\n').map((line) => `      ${line}`).join('\n');
  if (!result.ok) return `  ✗ ${result.title}\n${indent(result.detail)}`;
  const [first, ...rest] = result.detail.split('\n');
  const note = `${first}${result.cached ? ', from the cache' : ''}`;
  return [`  ✓ ${result.title} (${note})`, ...(rest.length > 0 ? [indent(rest.join('\n'))] : []), ...(result.warning ? [`  ! ${result.warning}`] : [])].join('\n');
}

/** The closing lines about the exercise runs: counts, mutants still missing a Caught-by line, cache use. */
export function exerciseSummary(exerciseCount: number, checks: VariantCheck[], results: CheckResult[]): string[] {
  const count = (way: Way) => results.filter((result) => result.way === way && result.ok).length;
  const mutants = checks.filter((check) => check.way === 'mutant').length;
  const runs = results.filter((result) => result.way !== undefined);
  const warned = results.filter((result) => result.warning);
  return [
    `Checked ${exerciseCount} exercise(s): ${count('starter')} starter(s) fail as they should, ` +
      `${count('reference')} reference(s) pass, ${count('mutant')} of ${mutants} mutants caught.`,
    `${runs.filter((result) => result.cached).length} of ${runs.length} runs came from the cache (inputs unchanged since they passed; --no-cache runs all).`,
    ...(warned.length > 0
      ? [`Warning: ${warned.length} mutant(s) have no Caught-by line yet (marked ! above); this becomes a failure once every patch names its test.`]
      : []),
  ];
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
    const drift = canonicalDrift(exercise, outcome.tests);
    if (drift) return { title: `${exercise.path}: ${label} passes, but not the recorded tests`, ok: false, way, detail: `${where}: ${drift}` };
    return { title: `${exercise.path}: ${label} passes`, ok: true, way, detail: `${total} tests pass` };
  }
  throw new Error(`judge() checks starters and references; mutants are checked by checkMutant (${exercise.path}).`);
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
