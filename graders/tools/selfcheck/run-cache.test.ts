import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckResult, checkVariant, layOutCopies, plannedChecks, type RunContext, runInputs, type VariantCheck } from './exercise-checks.ts';
import { fixtureCourse } from './fixture-course.ts';
import { selfcheckOptions } from './options.ts';
import { RunCache, type RunInputs, sharedDigest } from './run-cache.ts';

let course: Awaited<ReturnType<typeof fixtureCourse>>;
let checks: VariantCheck[];
beforeAll(async () => {
  course = await fixtureCourse('run-cache-');
  // The inputs every run shares, in miniature: a test-kit file and a lockfile.
  await course.write('graders/testkit/harness/helper.ts', 'export const helper = 1;\n');
  await course.write('package-lock.json', '{}\n');
  checks = plannedChecks(course.exercise, join(course.root, 'runs'));
  await layOutCopies(checks);
});
afterAll(() => rm(course.root, { recursive: true, force: true }));

const context = (cache: RunCache<CheckResult>): RunContext => ({
  env: process.env,
  timeoutMs: 60_000,
  options: { seedCount: 1, seeds: [], ci: false },
  cache,
  shared: sharedDigest(course.root),
});
const find = (run: string) => checks.find((check) => `${check.source.kind}${'name' in check.source ? ` ${check.source.name}` : ''}` === run)!;

describe('the self-check cache', () => {
  it('reuses a recorded pass while no input changed, and runs again once one did', async () => {
    const cache = new RunCache<CheckResult>(join(course.root, 'cache'), true);
    const reference = find('reference');
    const mutant = find('mutant off-by-one');
    const first = await checkVariant(reference, context(cache));
    expect(first).toMatchObject({ ok: true, detail: expect.stringMatching(/^3 tests pass, seed -?\d+$/) });
    expect(first.cached).toBeUndefined();
    expect((await checkVariant(mutant, context(cache))).cached).toBeUndefined();
    const again = await checkVariant(reference, context(cache));
    expect(again).toMatchObject({ ok: true, cached: true });
    expect(cache.hits).toBe(1);
    const reused = async (check: VariantCheck) => (await cache.get(runInputs(check, context(cache)))) !== undefined;

    // A mutant's own patch: that mutant runs again, the reference does not.
    const patch = join(course.root, 'solutions/katas/01-demo/mutants/off-by-one.patch');
    const original = await readFile(patch, 'utf8');
    await writeFile(patch, original.replace('MUTANT: answers 43.', 'MUTANT: answers forty-three.'));
    expect(await reused(mutant)).toBe(false);
    expect(await reused(reference)).toBe(true);
    await writeFile(patch, original);
    expect(await reused(mutant)).toBe(true);

    // A reference file, a test-kit file: every run of the exercise runs again.
    for (const path of ['solutions/katas/01-demo/src/answer.ts', 'graders/testkit/harness/helper.ts', 'package-lock.json']) {
      const file = join(course.root, path);
      const before = await readFile(file, 'utf8');
      await writeFile(file, `${before}\n`);
      expect({ path, reference: await reused(reference), mutant: await reused(mutant) }).toEqual({ path, reference: false, mutant: false });
      await writeFile(file, before);
    }
    expect(await reused(reference)).toBe(true);
  }, 180_000);

  it('never records a failure, and is off when told (--no-cache) and in CI', async () => {
    const dir = join(course.root, 'cache-unit');
    const inputs: RunInputs = { shared: 's', exercise: 'e', run: 'mutant harmless', seeds: [1] };
    const failure: CheckResult = { title: 'mutant harmless survives', ok: false, detail: 'no test failed' };
    const cache = new RunCache<CheckResult>(dir, true);
    await cache.putPass(inputs, failure, false);
    expect(await cache.get(inputs)).toBeUndefined();
    await cache.putPass(inputs, { ...failure, ok: true }, true);
    expect(await cache.get(inputs)).toMatchObject({ ok: true });
    expect(await new RunCache<CheckResult>(dir, false).get(inputs)).toBeUndefined();
    expect(await cache.get({ ...inputs, seeds: [2] })).toBeUndefined();
    expect(selfcheckOptions(['--no-cache'], {}).cache).toBe(false);
    expect(selfcheckOptions([], { CI: 'true' })).toMatchObject({ cache: false, ci: true, seedCount: 3 });
    expect(selfcheckOptions(['katas/01', '--seeds', '5'], {})).toMatchObject({ cache: true, ci: false, seedCount: 5, filters: ['katas/01'] });
    expect(selfcheckOptions(['--seed', '7'], {})).toMatchObject({ seedCount: 1, seeds: [7] });
    expect(() => selfcheckOptions(['--seeds', 'many'], {})).toThrow(/--seeds many is not a whole number of at least 1/);
    expect(selfcheckOptions(['--alone'], {})).toMatchObject({ batch: false });
    expect(selfcheckOptions([], {})).toMatchObject({ batch: true });
    expect(() => selfcheckOptions(['--runner'], {})).toThrow(/Unknown option '--runner'[\s\S]*--alone/);
  });

  it('draws the same seeds from the same inputs and new ones after an edit', () => {
    const ctx = context(new RunCache<CheckResult>(join(course.root, 'unused'), false));
    const mutant = find('mutant large-numbers');
    const three = { ...ctx, options: { ...ctx.options, seedCount: 3 } };
    const seeds = runInputs(mutant, three).seeds;
    expect(new Set(seeds).size).toBe(3);
    expect(runInputs(mutant, three).seeds).toEqual(seeds);
    expect(runInputs(mutant, { ...three, shared: 'other' }).seeds).not.toEqual(seeds);
    expect(runInputs(mutant, { ...three, options: { ...three.options, ci: true } }).seeds).not.toEqual(seeds);
  });
});
