import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckResult, checkVariant, formatResult, layOutCopies, plannedChecks, type RunContext, type VariantCheck } from './exercise-checks.ts';
import { fixtureCourse } from './fixture-course.ts';
import { judgeMutant, shortMessage } from './mutant-checks.ts';
import { RunCache } from './run-cache.ts';
import { typecheckLaidOutCopies } from './static-checks.ts';

let root: string;
let checks: VariantCheck[];
beforeAll(async () => {
  const course = await fixtureCourse('mutant-checks-');
  root = course.root;
  checks = plannedChecks(course.exercise, join(root, 'runs'));
  await layOutCopies(checks);
});
afterAll(() => rm(root, { recursive: true, force: true }));
// Each case starts one or two Vitest processes; on a busy machine that takes a while.
const slow = 180_000;

const context = (seeds: number[]): RunContext => ({
  env: { ...process.env, CI: 'false' },
  timeoutMs: 60_000,
  options: { seedCount: seeds.length, seeds, ci: false },
  cache: new RunCache<CheckResult>(join(root, 'cache'), false),
  shared: 'fixture',
});
const mutant = (name: string) => checks.find((check) => check.source.kind === 'mutant' && check.source.name === name)!;
const run = (name: string, seeds = [1]) => checkVariant(mutant(name), context(seeds));

describe('the self-check of a mutant', () => {
  it('passes a mutant its Caught-by test fails, and shows that test\'s assertion', async () => {
    const result = await run('off-by-one');
    expect(result).toMatchObject({ ok: true, way: 'mutant' });
    expect(result.title).toBe('katas/01-demo: mutant off-by-one is caught by "answer › is 42" (test/answer.test.ts): expected 43 to be 42 // Object.is equality');
    expect(formatResult(result)).toMatch(/\(seed 1\)$/);
  }, slow);

  it('fails a mutant whose Caught-by test passes on it, saying that test does not catch it', async () => {
    const result = await run('wrong-catcher');
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/its Caught-by test "answer › adds two small numbers" \(test\/answer\.test\.ts\) passed on the mutant \(it does not catch it\)/);
  }, slow);

  it('fails a Caught-by line that names no test, and suggests the nearest name', async () => {
    const result = await run('typo-catcher');
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/names a test that does not exist: test\/answer\.test\.ts: answer › is 43 \(did you mean "answer › is 42"\?\)/);
  }, slow);

  it('passes a mutant without a Caught-by line when a test fails, with a warning to name that test', async () => {
    const result = await run('no-catcher');
    expect(result.ok).toBe(true);
    expect(result.warning).toMatch(/no-catcher\.patch has no Caught-by line/);
    expect(formatResult(result)).toMatch(/\n {2}! .*has no Caught-by line/);
  }, slow);

  it('fails a kill that depends on the seed, naming the seed that let it live and how to replay it', async () => {
    const result = await run('large-numbers', [1, 2]);
    expect(result.ok).toBe(false);
    expect(result.title).toMatch(/the kill depends on the seed/);
    expect(result.detail).toMatch(/caught under seed 1 but survives under seed 2/);
    expect(result.detail).toMatch(/^seed 1: caught by "answer › adds zero to any number"/m);
    expect(result.detail).toMatch(/replay: npm test -- 01-demo --seed 2/);
  }, slow);

  it('tells a surviving mutant from one that does not load', async () => {
    const survivor = await run('harmless');
    expect(survivor).toMatchObject({ ok: false, title: 'katas/01-demo: mutant harmless survives' });
    expect(survivor.detail).toMatch(/survives: no test failed \(3 ran\)/);
    const importError = await run('import-error');
    expect(importError).toMatchObject({ ok: false, title: 'katas/01-demo: mutant import-error does not load' });
    expect(importError.detail).toMatch(/test\/answer\.test\.ts: .*missing\.ts/);
    const stale = await run('stale');
    expect(stale.title).toBe('katas/01-demo: mutant stale does not load');
    expect(stale.detail).toMatch(/stale\.patch no longer applies to src\/answer\.ts/);
  }, slow);

  it('marks a mutant that does not type-check as not loading, not the references', async () => {
    const copies = checks.filter((check) => check.way !== 'starter');
    const typed = copies.find((check) => check.source.kind === 'mutant' && check.source.name === 'harmless')!;
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(typed.root, 'src/answer.ts'), "export const answer = (): number => 'forty-two';\nexport const add = (a: number, b: number): number => a + b;\n");
    const result = await typecheckLaidOutCopies(join(root, 'runs'), copies);
    expect(result.ok).toBe(true);
    expect(typed.loadProblem).toMatch(/^src\/answer\.ts: does not type-check: error TS2322/);
    expect((await checkVariant(typed, context([1]))).title).toBe('katas/01-demo: mutant harmless does not load');
  }, slow);

  it('shows the assertion of a property that fast-check reports, not its "Property failed" line', () => {
    const details = 'Error: Property failed after 1 tests\n{ seed: 1, path: "0" }\nCounterexample: [3]\nGot AssertionError [ERR_ASSERTION]: stock reserved 2, expected 1\n  more';
    expect(shortMessage('Error: Property failed after 1 tests', details)).toBe('stock reserved 2, expected 1');
    expect(shortMessage('AssertionError: expected 43 to be 42 // Object.is equality')).toBe('expected 43 to be 42 // Object.is equality');
    expect(shortMessage(`AssertionError: ${'x'.repeat(200)}`)).toHaveLength(140);
  });

  it('lists every seed on the mutant\'s line, and each run on its own line when seeds were caught differently', () => {
    const patch = { mistake: 'answers 43.', caughtBy: { file: 'test/answer.test.ts', test: 'answer › is 42' }, files: [] };
    const caught = (seed: number, message: string) => ({ seed, kind: 'caught' as const, test: 'answer › is 42', file: 'test/answer.test.ts', message });
    const input = { title: 'katas/01-demo: mutant off-by-one', where: 'off-by-one.patch', exerciseId: '01-demo', patch };
    expect(judgeMutant({ ...input, verdicts: [caught(1, 'expected 43 to be 42'), caught(2, 'expected 43 to be 42')] }).detail).toBe('seeds 1, 2');
    expect(judgeMutant({ ...input, verdicts: [caught(1, 'expected 43 to be 42'), caught(2, 'timed out')] }).detail).toBe(
      'seed 1: caught by "answer › is 42" (test/answer.test.ts): expected 43 to be 42\nseed 2: caught by "answer › is 42" (test/answer.test.ts): timed out',
    );
  });
});
