import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { closest } from 'fastest-levenshtein';
import { mutantPatchFile, type MutantPatch, parseMutantPatch } from '../../grading/runner/mutant-patch.ts';
import { repoRoot } from '../../grading/runner/repo-paths.ts';
import type { RunOptions, RunOutcome } from '../../grading/runner/run-vitest.ts';
import { seedVariable } from '../../testkit/harness/property.ts';
import type { CheckResult, VariantCheck } from './exercise-checks.ts';
import { runAlone, type Runner } from './run-batch.ts';
import { filesBelow } from './static-checks.ts';

/** What one seed's run of a mutant showed. */
export type SeedVerdict =
  | { seed: number; kind: 'caught'; test: string; file: string; message: string }
  | { seed: number; kind: 'survives'; detail: string }
  | { seed: number; kind: 'does-not-load'; detail: string }
  | { seed: number; kind: 'no-such-test'; detail: string };

/**
 * The first line of the assertion that failed, trimmed to fit a line of the report. A
 * property run through fc.assert opens with "Property failed after N tests"; the
 * assertion is on its "Got ..." line, so that line is taken when there is one.
 */
export function shortMessage(message: string | undefined, details?: string): string {
  const got = details?.split('\n').find((line) => /^\s*Got (error: )?\w*Error\b/.test(line));
  const line = (got ?? message ?? '').trim().replace(/^Got (error: )?/, '').replace(/^AssertionError(?: \[\w+\])?:\s*/, '');
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

/**
 * Checks one mutant under each seed. A patch that names its catching test (`Caught-by:`) is
 * checked by running just that test: it must exist and fail on the mutant under every seed;
 * one filtered test costs a process start, where a full run without bail would run every
 * property of the exercise. A patch without one runs the exercise's tests, stopping at the
 * first failure, and passes with a warning until every patch names its test.
 */
export async function checkMutant(check: VariantCheck, env: NodeJS.ProcessEnv, timeoutMs: number, seeds: number[], run: Runner = runAlone): Promise<CheckResult> {
  const name = check.source.kind === 'mutant' ? check.source.name : '';
  const patchFile = mutantPatchFile(check.exercise.solutionFolder!, name);
  const where = relative(repoRoot, patchFile);
  const title = `${check.exercise.path}: mutant ${name}`;
  if (check.loadProblem) return doesNotLoad(title, where, check.loadProblem);
  let patch: MutantPatch;
  try {
    patch = parseMutantPatch(readFileSync(patchFile, 'utf8'), where);
  } catch (error) {
    return doesNotLoad(title, where, (error as Error).message);
  }
  const missingFile = missingTestFile(check, patch);
  // Every seed's run is asked for at once, so that they can share a process.
  const outcomes = missingFile ? [] : await run(seeds.map((seed) => seedRun(check, patch, { ...env, [seedVariable]: String(seed) }, timeoutMs)));
  const verdicts: SeedVerdict[] = [];
  for (const [index, seed] of seeds.entries()) {
    const verdict = missingFile ? { seed, kind: 'no-such-test' as const, detail: missingFile } : judgeSeed(patch, outcomes[index]!, seed);
    verdicts.push(verdict);
    // A mutant that does not load or names a missing test says the same under every seed.
    if (verdict.kind === 'does-not-load' || verdict.kind === 'no-such-test') break;
  }
  return judgeMutant({ title, where, exerciseId: check.exercise.meta.id, patch, verdicts });
}

/** What a Caught-by line's file gets wrong, when it names a file the copy does not have. */
function missingTestFile(check: VariantCheck, { caughtBy }: MutantPatch): string | undefined {
  if (!caughtBy) return undefined;
  const testFiles = existsSync(join(check.root, 'test')) ? filesBelow(join(check.root, 'test')).map((file) => relative(check.root, file)) : [];
  if (testFiles.includes(caughtBy.file)) return undefined;
  const near = closest(caughtBy.file, testFiles.filter((file) => file.endsWith('.test.ts')));
  return `names a test file that does not exist: ${caughtBy.file}${near ? ` (did you mean ${near}?)` : ''}`;
}

/**
 * One seed's run of a mutant: with a Caught-by line, just that test (one filtered test costs
 * little, where a full run without bail would run every property of the exercise); without
 * one, the exercise's tests, stopping at the first failure.
 */
function seedRun(check: VariantCheck, { caughtBy }: MutantPatch, env: NodeJS.ProcessEnv, timeoutMs: number): RunOptions {
  return caughtBy
    ? { root: check.root, env, timeoutMs, noShrink: true, files: [caughtBy.file], testNamePattern: vitestNamePattern(caughtBy.test) }
    : { root: check.root, env, timeoutMs, bail: true, noShrink: true };
}

function judgeSeed({ caughtBy }: MutantPatch, outcome: RunOutcome, seed: number): SeedVerdict {
  const problem = loadProblem(outcome);
  if (problem) return { seed, kind: 'does-not-load', detail: problem };
  if (!caughtBy) {
    const failed = outcome.tests.find((test) => test.status === 'failed');
    return failed
      ? { seed, kind: 'caught', test: failed.name, file: failed.file, message: shortMessage(failed.message, failed.details) }
      : { seed, kind: 'survives', detail: `no test failed (${outcome.tests.length} ran)` };
  }
  const named = outcome.tests.find((test) => test.file === caughtBy.file && test.name === caughtBy.test && test.status !== 'skipped');
  if (!named) {
    const names = outcome.tests.filter((test) => test.file === caughtBy.file).map((test) => test.name);
    const near = names.length > 0 ? closest(caughtBy.test, names) : undefined;
    return {
      seed,
      kind: 'no-such-test',
      detail: `names a test that does not exist: ${caughtBy.file}: ${caughtBy.test}${near ? ` (did you mean "${near}"?)` : ''}`,
    };
  }
  return named.status === 'failed'
    ? { seed, kind: 'caught', test: named.name, file: named.file, message: shortMessage(named.message, named.details) }
    : { seed, kind: 'survives', detail: `its Caught-by test "${caughtBy.test}" (${caughtBy.file}) passed on the mutant (it does not catch it)` };
}

/** Why a run says nothing about the mistake: the mutant's code or a test file did not load, or the run did not finish. */
function loadProblem(outcome: RunOutcome): string | undefined {
  if (outcome.abort) return outcome.abort.detail;
  const broken = outcome.brokenFiles[0];
  return broken ? `${broken.file}: ${broken.error.split('\n')[0]}` : undefined;
}

/**
 * Vitest matches -t against the test's full name with " > " between describe and it (the
 * JSON report and Caught-by lines use " › "); anchored at the end so a longer name that
 * merely starts the same does not run too.
 */
export const vitestNamePattern = (fullName: string) =>
  `${fullName.split(' › ').join(' > ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

function doesNotLoad(title: string, where: string, detail: string): CheckResult {
  return {
    title: `${title} does not load`,
    ok: false,
    way: 'mutant',
    detail: `${detail}\n${where}: a mutant is working code with one named mistake; fix the patch (npm run mutant -- open ...) so it loads.`,
  };
}

export function judgeMutant(input: { title: string; where: string; exerciseId: string; patch: MutantPatch; verdicts: SeedVerdict[] }): CheckResult {
  const { title, where, exerciseId, patch, verdicts } = input;
  const seedsOf = (list: SeedVerdict[]) => list.map((verdict) => verdict.seed).join(', ');
  const replay = (seed: number) => `replay: npm test -- ${exerciseId} --seed ${seed}`;
  const broken = verdicts.find((verdict) => verdict.kind === 'does-not-load');
  if (broken) return doesNotLoad(title, where, `seed ${broken.seed}: ${broken.detail}`);
  const missing = verdicts.find((verdict) => verdict.kind === 'no-such-test');
  if (missing) {
    return {
      title: `${title}: its Caught-by line ${missing.detail.split(':')[0]}`,
      ok: false,
      way: 'mutant',
      detail: `${where}: ${missing.detail}. Write the test's file and its full name as Vitest reports it (describe › it).`,
    };
  }
  const caught = verdicts.filter((verdict): verdict is Extract<SeedVerdict, { kind: 'caught' }> => verdict.kind === 'caught');
  const survived = verdicts.filter((verdict): verdict is Extract<SeedVerdict, { kind: 'survives' }> => verdict.kind === 'survives');
  const perSeed = verdicts.map((verdict) =>
    verdict.kind === 'caught' ? `seed ${verdict.seed}: caught by "${verdict.test}" (${verdict.file}): ${verdict.message}` : `seed ${verdict.seed}: survives: ${verdict.kind === 'survives' ? verdict.detail : ''}`,
  );
  if (survived.length > 0) {
    const first = survived[0]!;
    const dependsOnSeed = caught.length > 0;
    return {
      title: dependsOnSeed ? `${title}: the kill depends on the seed` : `${title} survives`,
      ok: false,
      way: 'mutant',
      detail:
        `${where}: ${dependsOnSeed ? `caught under seed ${seedsOf(caught)} but survives under seed ${seedsOf(survived)}` : `survives: ${first.detail}`}.\n` +
        `${perSeed.join('\n')}\n${replay(first.seed)}\n` +
        (patch.caughtBy
          ? 'Make the Caught-by test fail on this mistake in every run (a deterministic example, not a property).'
          : 'Add a deterministic example test that fails on this mistake (and passes on the reference), and name it in a Caught-by line.'),
    };
  }
  const by = caught[0]!;
  return {
    title: `${title} is caught by "${by.test}" (${by.file}): ${by.message}`,
    ok: true,
    way: 'mutant',
    // One seed per run; the runs' own lines only when a seed was caught another way.
    detail: caught.every((verdict) => verdict.test === by.test && verdict.message === by.message)
      ? `seed${caught.length > 1 ? 's' : ''} ${seedsOf(caught)}`
      : perSeed.join('\n'),
    ...(patch.caughtBy
      ? {}
      : { warning: `${where} has no Caught-by line: name the deterministic test that catches "${patch.mistake}"` }),
  };
}
