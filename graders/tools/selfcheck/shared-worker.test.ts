import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVitestBatch } from '../../grading/runner/run-vitest-batch.ts';
import type { RunOptions } from '../../grading/runner/run-vitest.ts';
import { copyExercise } from '../../grading/runner/variant-copy.ts';
import { postgresAddress } from '../../testkit/harness/fresh-database.ts';
import { seedVariable } from '../../testkit/harness/property.ts';
import { sharedAddressesVariable } from '../../testkit/vitest/global-setup.ts';
import { fixtureCourse, mutantPatch } from './fixture-course.ts';

let root: string;
let course: Awaited<ReturnType<typeof fixtureCourse>>;
beforeAll(async () => {
  course = await fixtureCourse('shared-worker-');
  root = course.root;
  // Replaces Object.is, which every toBe compares with, for every file after it in the same
  // worker: the kind of damage a copy can do to the copies that share its worker.
  await course.write(
    'solutions/katas/01-demo/mutants/spoils-the-worker.patch',
    mutantPatch(
      ['MUTANT: breaks Object.is for everyone after it.', 'Caught-by: test/answer.test.ts: answer › is 42'],
      ` export const answer = (): number => 42;`,
      '+Object.is = () => false;',
    ),
  );
  course.exercise.mutants.push('spoils-the-worker');
});
afterAll(() => rm(root, { recursive: true, force: true }));

// The fixture needs no services; a batch is one Vitest process, the fallback one per copy.
const env = { ...process.env, CI: 'false', COURSE_NEEDS: '' };
const slow = 300_000;
const mutant = (name: string) => ({ kind: 'mutant', name }) as const;
const caughtBy = (test: string): Pick<RunOptions, 'files' | 'testNamePattern' | 'noShrink'> => ({
  files: ['test/answer.test.ts'], testNamePattern: `${test.replace(' › ', ' > ')}$`, noShrink: true,
});
const failed = (tests: { status: string; name: string }[]) => tests.filter((test) => test.status === 'failed').map((test) => test.name);

describe('the self-check\'s shared test worker', () => {
  it('runs each copy\'s file under that copy\'s own seed, even when they share the worker', async () => {
    // The same seed-dependent mistake twice, under seed 1 (which finds it) and seed 2 (which does not).
    const runs: RunOptions[] = [];
    for (const seed of [1, 2, 1]) {
      const copy = join(root, 'seeds', `large-numbers-${runs.length}`);
      await copyExercise(course.exercise, mutant('large-numbers'), copy);
      runs.push({ root: copy, env: { ...env, [seedVariable]: String(seed) }, timeoutMs: 120_000, ...caughtBy('answer › adds zero to any number') });
    }
    const result = await runVitestBatch(runs, { env, timeoutMs: 120_000 });

    expect(result).toMatchObject({ batched: 3 });
    expect(result.fallback).toBeUndefined();
    expect(result.outcomes.map((outcome) => failed(outcome.tests))).toEqual([['answer › adds zero to any number'], [], ['answer › adds zero to any number']]);
  }, slow);

  it('trusts none of its verdicts when a copy that must pass fails in it, and runs every copy alone', async () => {
    const copies = { spoiler: join(root, 'canary', 'spoiler'), harmless: join(root, 'canary', 'harmless'), reference: join(root, 'canary', 'reference') };
    await copyExercise(course.exercise, mutant('spoils-the-worker'), copies.spoiler);
    await copyExercise(course.exercise, mutant('harmless'), copies.harmless);
    await copyExercise(course.exercise, { kind: 'reference' }, copies.reference);
    const base = { env, timeoutMs: 120_000 };
    // The reference is asked for first: the batch still runs it last, after the mutants.
    const runs: RunOptions[] = [
      { ...base, root: copies.reference, mustPass: true },
      { ...base, root: copies.spoiler, ...caughtBy('answer › is 42') },
      { ...base, root: copies.harmless, ...caughtBy('answer › is 42') },
    ];
    const result = await runVitestBatch(runs, { ...base, maxWorkers: 1 });

    expect(result.fallback).toMatch(/reference must pass and failed in the shared worker \("answer › is 42"\), so no verdict of that worker is trusted/);
    // The verdicts are those of a process per copy: the harmless mutant survives, the reference passes.
    expect(result.outcomes.map((outcome) => failed(outcome.tests))).toEqual([[], ['answer › is 42'], []]);
  }, slow);

  it('ends the PostgreSQL connections a file leaves open, as the end of its process would', async () => {
    const postgres = postgresAddress();
    const probe = `leftover-${process.pid}-${Date.now()}`;
    const copy = async (name: string, test: string) => {
      await mkdir(join(root, 'connections', name, 'test'), { recursive: true });
      await writeFile(join(root, 'connections', name, 'test', `${name}.test.ts`), test);
      return join(root, 'connections', name);
    };
    const connect = `const client = new pg.Client({ connectionString: ${JSON.stringify(postgres.adminUrl)}, application_name: ${JSON.stringify(probe)} });`;
    // A test that leaves a connection open inside a transaction, and a test after it that counts such connections.
    const leaves = await copy('leaves', `import pg from 'pg';\nimport { it } from 'vitest';\n` +
      `it('leaves a transaction open', async () => { ${connect} await client.connect(); await client.query('BEGIN'); await client.query('SELECT txid_current()'); });\n`);
    const counts = await copy('counts', `import pg from 'pg';\nimport { expect, it } from 'vitest';\n` +
      `it('finds no connection left open before it', async () => {\n  const admin = new pg.Client(${JSON.stringify(postgres.adminUrl)});\n  await admin.connect();\n` +
      `  const { rows } = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [${JSON.stringify(probe)}]);\n` +
      `  await admin.end();\n  expect(rows[0].n).toBe(0);\n});\n`);
    const withPostgres = { ...env, COURSE_NEEDS: 'postgres', [sharedAddressesVariable]: JSON.stringify({ postgres }) };
    const runs: RunOptions[] = [leaves, counts].map((copyRoot) => ({ root: copyRoot, env: withPostgres, timeoutMs: 120_000 }));
    const result = await runVitestBatch(runs, { env: withPostgres, timeoutMs: 120_000, maxWorkers: 1 });

    expect(result.fallback).toBeUndefined();
    expect(result.outcomes.map((outcome) => outcome.tests.map((test) => `${test.status} ${test.name}`))).toEqual([
      ['passed leaves a transaction open'], ['passed finds no connection left open before it'],
    ]);
  }, slow);
});
