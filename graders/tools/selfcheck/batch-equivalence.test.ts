import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckResult, checkVariant, layOutCopies, plannedChecks, type RunContext, type VariantCheck } from './exercise-checks.ts';
import { fixtureCourse, fixtureMutants } from './fixture-course.ts';
import { RunBatch } from './run-batch.ts';
import { RunCache } from './run-cache.ts';

let root: string;
let checks: VariantCheck[];
beforeAll(async () => {
  const course = await fixtureCourse('batch-equivalence-');
  root = course.root;
  // The fixture's survivor, non-loading and seed-dependent mutants have no Caught-by line, so
  // they stop at their first failure and run alone; these name their test and share the batch.
  const named = (name: keyof typeof fixtureMutants, test: string) =>
    fixtureMutants[name].replace(/^(MUTANT: .*)$/m, `$1\nCaught-by: test/answer.test.ts: ${test}`);
  const extra = {
    'named-survivor': named('harmless', 'answer › is 42'),
    'named-import-error': named('import-error', 'answer › is 42'),
    'named-large-numbers': named('large-numbers', 'answer › adds zero to any number'),
  };
  for (const [name, patch] of Object.entries(extra)) {
    await course.write(`solutions/katas/01-demo/mutants/${name}.patch`, patch);
    course.exercise.mutants.push(name);
  }
  // The survivor, non-loading and seed-dependent mutants without a Caught-by line run alone
  // either way (they stop at their first failure): their named twins above stand for them.
  const aloneEitherWay = new Set(['harmless', 'large-numbers', 'import-error']);
  checks = plannedChecks(course.exercise, join(root, 'runs')).filter((check) => check.source.kind !== 'mutant' || !aloneEitherWay.has(check.source.name));
  await layOutCopies(checks);
});
afterAll(() => rm(root, { recursive: true, force: true }));
// About fifteen Vitest processes one after another, then the batch: minutes on a busy machine.
const slow = 900_000;

// The fixture needs no services: run alone, each copy's global setup would otherwise start its own.
const env = { ...process.env, CI: 'false', COURSE_NEEDS: '' };
// Two seeds, so that the mutant whose kill depends on the seed shows it both ways.
const context = (): RunContext => ({
  env,
  timeoutMs: 120_000,
  options: { seedCount: 2, seeds: [1, 2], ci: false },
  cache: new RunCache<CheckResult>(join(root, 'cache'), false),
  shared: 'fixture',
});

describe('the self-check with an exercise\'s copies batched into one Vitest process', () => {
  it('gives every copy the verdict it gets in a process of its own, under each seed', async () => {
    // One process per copy, one after another: the self-check before batching.
    const alone: CheckResult[] = [];
    for (const check of checks) alone.push(await checkVariant(check, context()));
    const batch = new RunBatch(checks.length, { env, timeoutMs: 120_000, maxWorkers: 2 });
    const together = await Promise.all(checks.map((check) => checkVariant(check, { ...context(), batch })));

    expect(together).toEqual(alone);
    // The fixture covers each kind of verdict, so the comparison above is not vacuous.
    const byName = (name: string) => together[checks.findIndex((check) => check.source.kind === 'mutant' && check.source.name === name)]!;
    expect(together[0]).toMatchObject({ ok: true, title: 'katas/01-demo: starter fails by assertion or TODO' });
    expect(together[1]).toMatchObject({ ok: true, title: 'katas/01-demo: reference passes' });
    expect(byName('off-by-one').title).toMatch(/is caught by "answer › is 42" \(test\/answer\.test\.ts\): expected 43 to be 42/);
    expect(byName('off-by-one').detail).toBe('seeds 1, 2');
    expect(byName('stale').title).toBe('katas/01-demo: mutant stale does not load');
    expect(byName('wrong-catcher').detail).toMatch(/passed on the mutant \(it does not catch it\)/);
    expect(byName('typo-catcher').detail).toMatch(/did you mean "answer › is 42"/);
    // The mutant without a Caught-by line stops at its first failure, which stops a whole
    // Vitest process: it ran alone, and the others still shared one.
    expect(byName('no-catcher')).toMatchObject({ ok: true });
    expect(batch.report?.fallback).toBeUndefined();
    expect(byName('named-survivor').title).toBe('katas/01-demo: mutant named-survivor survives');
    expect(byName('named-import-error').title).toBe('katas/01-demo: mutant named-import-error does not load');
    expect(byName('named-large-numbers').detail).toMatch(/caught under seed 1 but survives under seed 2/);
    // Starter, reference and both seeds of the six mutants that name their test; the one
    // without a Caught-by line (two seeds) ran alone, and the stale patch ran nowhere.
    expect(batch.report).toMatchObject({ runs: 2 + 2 * 7, batched: 2 + 2 * 6 });
  }, slow);
});
