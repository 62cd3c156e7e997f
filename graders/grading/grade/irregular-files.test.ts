import { execFileSync } from 'node:child_process';
import { rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tamperCourse, tamperRoots } from './tamper-course.ts';

afterAll(() => Promise.all(tamperRoots.map((root) => rm(root, { recursive: true, force: true }))));

describe.concurrent('grading a submission with files that are not plain files', () => {
  it('refuses a symlink in src/ (one that could point at a reference solution) and scores the exercise 0', async () => {
    const { root, grade } = await tamperCourse('honest');
    const file = join(root, 'exercises/katas/01-add/src/add.ts');
    await rm(file);
    await symlink(join(root, 'exercises/katas/01-add/test/positive.test.ts'), file);
    const results = await grade('01-add');
    expect(results.exercises[0]).toMatchObject({ status: 'error', points: 0 });
    expect(results.exercises[0]!.reason).toMatch(/^src\/add\.ts: not a plain file or folder \(a symlink/);
  }, 90_000);

  it('refuses a named pipe in src/ instead of blocking on it, and scores the exercise 0', async () => {
    const { root, grade } = await tamperCourse('honest');
    execFileSync('mkfifo', [join(root, 'exercises/katas/01-add/src/pipe.ts')]);
    const results = await grade('01-add');
    expect(results.exercises[0]).toMatchObject({ status: 'error', points: 0 });
    expect(results.exercises[0]!.reason).toMatch(/^src\/pipe\.ts: not a plain file or folder/);
  }, 90_000);
});
