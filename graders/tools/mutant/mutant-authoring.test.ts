import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMutantPatch } from '../../grading/runner/mutant-patch.ts';
import { fixtureCourse, reference } from '../selfcheck/fixture-course.ts';
import { openMutant, saveMutant } from './mutant-authoring.ts';

let course: Awaited<ReturnType<typeof fixtureCourse>>;
let editRoot: string;
beforeAll(async () => {
  course = await fixtureCourse('mutant-authoring-');
  editRoot = join(course.root, 'edit');
});
afterAll(() => rm(course.root, { recursive: true, force: true }));

const patchOf = (name: string) => join(course.root, 'solutions/katas/01-demo/mutants', `${name}.patch`);

describe('npm run mutant', () => {
  it('opens the reference over the starter, and saves the edit as a patch with its header', async () => {
    const { folder, existing } = await openMutant(course.exercise, 'subtracts', editRoot);
    expect(existing).toBe(false);
    expect(folder).toBe(join(editRoot, '01-demo', 'subtracts'));
    expect(await readFile(join(folder, 'src/answer.ts'), 'utf8')).toBe(reference);
    await writeFile(join(folder, 'src/answer.ts'), reference.replace('a + b', 'a - b'));
    const { text } = await saveMutant(course.exercise, 'subtracts', {
      mistake: 'subtracts instead of adding.', caughtBy: 'test/answer.test.ts: answer › adds two small numbers', editRoot,
    });
    expect(await readFile(patchOf('subtracts'), 'utf8')).toBe(text);
    expect(text).toMatch(/^MUTANT: subtracts instead of adding\.\nCaught-by: test\/answer\.test\.ts: answer › adds two small numbers\n--- a\/src\/answer\.ts\n\+\+\+ b\/src\/answer\.ts\n@@ /);
    expect(text).toContain('\n-export const add = (a: number, b: number): number => a + b;\n+export const add = (a: number, b: number): number => a - b;\n');
    expect(parseMutantPatch(text, 'subtracts.patch').caughtBy).toEqual({ file: 'test/answer.test.ts', test: 'answer › adds two small numbers' });
  });

  it('opens an existing mutant with its patch applied, and keeps its header when saved again', async () => {
    const { folder, existing } = await openMutant(course.exercise, 'off-by-one', editRoot);
    expect(existing).toBe(true);
    expect(await readFile(join(folder, 'src/answer.ts'), 'utf8')).toContain('=> 43;');
    await expect(openMutant(course.exercise, 'off-by-one', editRoot)).rejects.toThrow(/already exists \(unsaved work\?\)/);
    await writeFile(join(folder, 'src/answer.ts'), reference.replace('42', '44'));
    const { text } = await saveMutant(course.exercise, 'off-by-one', { editRoot });
    expect(text).toMatch(/^MUTANT: answers 43\.\nCaught-by: test\/answer\.test\.ts: answer › is 42\n/);
    expect(text).toContain('+export const answer = (): number => 44;');
  });

  it('refuses an empty diff, a missing mistake or catching test, and a name that is not a slug', async () => {
    await openMutant(course.exercise, 'unchanged', editRoot);
    const request = { mistake: 'nothing.', caughtBy: 'test/answer.test.ts: answer › is 42', editRoot };
    await expect(saveMutant(course.exercise, 'unchanged', request)).rejects.toThrow(/is the reference unchanged: make the mistake in its src\/ first/);
    await expect(saveMutant(course.exercise, 'unchanged', { editRoot })).rejects.toThrow(/Say what the mistake is: --mistake/);
    await expect(saveMutant(course.exercise, 'unchanged', { mistake: 'x', editRoot })).rejects.toThrow(/Name the test that catches it: --caught-by/);
    await expect(saveMutant(course.exercise, 'never-opened', request)).rejects.toThrow(/Start with npm run mutant -- open 01-demo never-opened/);
    await expect(openMutant(course.exercise, 'Bad Name', editRoot)).rejects.toThrow(/is not a mutant name/);
  });
});
