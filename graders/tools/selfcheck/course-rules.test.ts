import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../../grading/runner/repo-paths.ts';
import { isClinic } from '../../grading/runner/reproduction-legs.ts';
import { writeDemoCourse } from './fixture-course.ts';
import { catalogChecks, typecheckRepository } from './static-checks.ts';

const workDir = await mkdtemp(join(scratchDir, 'rules-'));
afterAll(() => rm(workDir, { recursive: true, force: true }));
let fixtures = 0;

/** A tiny, valid course with one exercise; each test breaks one rule in its own copy. */
async function validCourse(): Promise<{ root: string; write: (path: string, text: string) => Promise<void> }> {
  const root = join(workDir, `course-${++fixtures}`);
  const write = await writeDemoCourse(root, {
    'exercises/katas/01-demo/src/answer.ts': "export const answer = (): number => { throw new Error('TODO: answer'); };\n",
    'exercises/katas/01-demo/test/answer.test.ts': '// the self-check never runs it here\n',
    'solutions/katas/01-demo/src/answer.ts': 'export const answer = (): number => 42;\n',
    'solutions/katas/01-demo/mutants/off-by-one.patch': offByOne,
  });
  return { root, write };
}

const offByOne = [
  'MUTANT: one too many.',
  'Caught-by: test/answer.test.ts: answers 42',
  '--- a/src/answer.ts',
  '+++ b/src/answer.ts',
  '@@ -1 +1 @@',
  '-export const answer = (): number => 42;',
  '+export const answer = (): number => 43;',
  '',
].join('\n');

const check = (root: string) =>
  catalogChecks({ exercisesDir: join(root, 'exercises'), solutionsDir: join(root, 'solutions') });

describe('the course rules npm test enforces', () => {
  it('accepts a course that keeps every rule', async () => {
    const { root } = await validCourse();
    const { results, exercises } = check(root);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(exercises.map((e) => [e.meta.id, e.mutants])).toEqual([['01-demo', ['off-by-one']]]);
  });

  it('accepts a lab under exercises/labs/ with kind "lab", graded without reproduction legs', async () => {
    const { root, write } = await validCourse();
    const lab = { ...JSON.parse(await readFile(join(root, 'exercises/katas/01-demo/exercise.json'), 'utf8')), id: '01-demo-lab', kind: 'lab' };
    await write('exercises/labs/01-demo-lab/exercise.json', JSON.stringify(lab));
    await write('exercises/labs/01-demo-lab/README.md', '# Demo lab\n');
    await write('exercises/labs/01-demo-lab/src/answer.ts', "export const answer = (): number => { throw new Error('TODO: answer'); };\n");
    await write('exercises/labs/01-demo-lab/test/answer.test.ts', '// the self-check never runs it here\n');
    await write('solutions/labs/01-demo-lab/src/answer.ts', 'export const answer = (): number => 42;\n');
    await write('exercises/curriculum.json', JSON.stringify({ module: 'Test', exercises: ['katas/01-demo', 'labs/01-demo-lab'] }));
    const { results, exercises } = check(root);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const loaded = exercises.find((e) => e.path === 'labs/01-demo-lab');
    expect(loaded?.meta.kind).toBe('lab');
    expect(isClinic(loaded!)).toBe(false);
  });

  it('names the exercise.json and the broken field when metadata breaks the schema', async () => {
    const { root, write } = await validCourse();
    await write('exercises/katas/01-demo/exercise.json', JSON.stringify({ id: '01-demo', title: 'Demo kata', kind: 'lecture' }));
    const failed = check(root).results.find((r) => !r.ok);
    expect(failed?.detail).toMatch(/exercises\/katas\/01-demo\/exercise\.json does not match graders\/schemas\/exercise\.schema\.json/);
    expect(failed?.detail).toMatch(/\/kind must be equal to one of the allowed values/);
    expect(failed?.detail).toMatch(/must have required property 'points'/);
  });

  it('says how to fix an exercise.json that is not JSON at all', async () => {
    const { root, write } = await validCourse();
    await write('exercises/katas/01-demo/exercise.json', '{ "id": "01-demo", }');
    expect(check(root).results.find((r) => !r.ok)?.detail).toMatch(/exercise\.json is not valid JSON .*fix the syntax/);
  });

  it('names the missing README', async () => {
    const { root } = await validCourse();
    await rm(join(root, 'exercises/katas/01-demo/README.md'));
    expect(check(root).results.find((r) => !r.ok)?.detail).toMatch(/exercises\/katas\/01-demo\/README\.md is missing/);
  });

  it('names a folder the curriculum does not list, and how to list it', async () => {
    const { root, write } = await validCourse();
    await write('exercises/katas/02-extra/README.md', '# Extra\n');
    expect(check(root).results.find((r) => !r.ok)?.detail).toMatch(/exercises\/katas\/02-extra\/ is not in .*add "katas\/02-extra"/);
  });

  it('accepts an exercise in a group of its own (outputs/) of kind output, once the curriculum lists it', async () => {
    const { root, write } = await validCourse();
    const meta = { id: '01-catalogue', title: 'Demo output', kind: 'output', concepts: ['events-are-facts'], services: [], timeLimitMinutes: 60, points: 5, variants: [{ name: 'default', description: 'The only variant.' }], hints: [] };
    await write('exercises/outputs/01-catalogue/README.md', '# Catalogue\n');
    await write('exercises/outputs/01-catalogue/exercise.json', JSON.stringify(meta));
    await write('exercises/outputs/01-catalogue/src/services.json', '{}\n');
    await write('exercises/outputs/01-catalogue/test/catalogue.test.ts', '// the self-check never runs it here\n');
    await write('solutions/outputs/01-catalogue/src/services.json', '{ "services": {} }\n');
    expect(check(root).results.find((r) => !r.ok)?.detail).toMatch(/exercises\/outputs\/01-catalogue\/ is not in .*add "outputs\/01-catalogue"/);
    await write('exercises/curriculum.json', JSON.stringify({ module: 'Test', exercises: ['katas/01-demo', 'outputs/01-catalogue'] }));
    const { results, exercises } = check(root);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(exercises.map((e) => [e.path, e.meta.kind])).toEqual([['katas/01-demo', 'kata'], ['outputs/01-catalogue', 'output']]);
  });

  it('names a curriculum entry with no folder behind it', async () => {
    const { root, write } = await validCourse();
    await write('exercises/curriculum.json', JSON.stringify({ module: 'Test', exercises: ['katas/01-demo', 'katas/09-ghost'] }));
    expect(check(root).results.find((r) => !r.ok)?.detail).toMatch(/lists "katas\/09-ghost" but exercises\/katas\/09-ghost\/ does not exist/);
  });

  it('requires every mutant patch to name its mistake on its first line', async () => {
    const { root, write } = await validCourse();
    await write('solutions/katas/01-demo/mutants/off-by-one.patch', offByOne.replace('MUTANT: one too many.\n', ''));
    expect(check(root).results.find((r) => !r.ok)?.detail).toMatch(/mutants\/off-by-one\.patch: the first line must be "MUTANT: <the mistake, one sentence>"/);
  });

  it('refuses a mutant that is a folder of whole files, and says to write a patch', async () => {
    const { root, write } = await validCourse();
    await write('solutions/katas/01-demo/mutants/whole-file/answer.ts', 'export const answer = (): number => 43;\n');
    expect(check(root).results.find((r) => !r.ok)?.detail).toMatch(/mutants\/whole-file is not a \.patch file/);
  });

  it('fails the type check naming the starter file that does not type-check', async () => {
    const { root, write } = await validCourse();
    await write('exercises/katas/01-demo/src/answer.ts', "export const answer = (): number => 'forty-two';\n");
    await write('tsconfig.json', JSON.stringify({ extends: '../../../tsconfig.json', include: ['exercises/**/*.ts'], exclude: [] }));
    const result = await typecheckRepository(join(root, 'tsconfig.json'));
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/exercises\/katas\/01-demo\/src\/answer\.ts\(1,\d+\): error TS2322/);
    expect(result.detail).toMatch(/every starter must type-check/);
  });
});
