import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Exercise } from '../../grading/runner/exercise-catalog.ts';
import { isClinic, judgeLeg, reproductionTestFile, runReproduction } from '../../grading/runner/reproduction-legs.ts';
import { type CodeSource, copyExercise, describeSource } from '../../grading/runner/variant-copy.ts';
import type { RunOptions } from '../../grading/runner/run-vitest.ts';
import type { CheckResult } from './exercise-checks.ts';
import { type RunBatch, runAlone, type Runner } from './run-batch.ts';

export interface ReproductionCheck {
  exercise: Exercise;
  /** starter: the mistake as shipped, which the course's reproduction must fail on; else a repair it must pass on. */
  source: CodeSource;
  root: string;
}

/**
 * For a clinic item, the course's own reproduction test (solutions/<path>/test/reproduce.test.ts)
 * is checked on the same legs a learner's is graded on: failing on the shipped starter,
 * passing on the reference and on every alternate.
 */
export function plannedReproductionChecks(exercise: Exercise, runDir: string): ReproductionCheck[] {
  if (!isClinic(exercise)) return [];
  const at = (name: string) => join(runDir, exercise.meta.id, `reproduce-${name}`);
  return [
    { exercise, source: { kind: 'starter' }, root: at('shipped') },
    { exercise, source: { kind: 'reference' }, root: at('reference') },
    ...exercise.alternates.map((name): ReproductionCheck => ({ exercise, source: { kind: 'alternate', name }, root: at(`alternate-${name}`) })),
  ];
}

export async function checkReproduction(check: ReproductionCheck, env: NodeJS.ProcessEnv, timeoutMs: number, batch?: RunBatch, runner: Runner = runAlone): Promise<CheckResult> {
  const member = batch?.join() ?? { run: runner, leave: () => undefined };
  try {
    return await checkLeg(check, env, timeoutMs, member.run);
  } finally {
    member.leave();
  }
}

async function checkLeg(check: ReproductionCheck, env: NodeJS.ProcessEnv, timeoutMs: number, runner: Runner): Promise<CheckResult> {
  const { exercise, source } = check;
  const shipped = source.kind === 'starter';
  const title = `${exercise.path}: the course's reproduction test ${shipped ? 'fails on the shipped mistake' : `passes on the ${describeSource(source)}`}`;
  const reproductionTest = join(exercise.solutionFolder!, reproductionTestFile);
  if (!existsSync(reproductionTest)) {
    return { title, ok: false, detail: `solutions/${exercise.path}/${reproductionTestFile} is missing: a clinic item ships the course's own reproduction of its mistake.` };
  }
  await copyExercise(exercise, source, check.root);
  const run = async (options: RunOptions) => (await runner([options]))[0]!;
  const outcome = await runReproduction({ copyRoot: check.root, reproductionTest, env, timeoutMs, run, mustPass: !shipped });
  const result = judgeLeg(shipped ? 'fails-on-shipped-mistake' : 'passes-on-course-repair', outcome);
  return { title, ok: result.ok, detail: result.ok ? result.detail : `solutions/${exercise.path}/${reproductionTestFile}: ${result.detail}` };
}
