import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseFixture, starterAnswer } from './practice-fixture.ts';
import { startAttempt } from './practice-commands.ts';
import { starterFile, starterSource } from './starter-source.ts';

const answerPath = 'exercises/katas/01-demo/src/answer.ts';
const laterCommit = "export const answer = (): number => { throw new Error('TODO: a later starter'); };\n";

describe('starterSource', () => {
  it('reads the course repository\'s starter from HEAD', async () => {
    await using course = await courseFixture('course');
    await course.write(answerPath, laterCommit);
    course.git('commit', '--quiet', '-am', 'a new starter');
    await course.write(answerPath, 'export const answer = (): number => 42;\n');

    const source = await starterSource(course.root, {});
    expect((await starterFile(source, answerPath)).toString()).toBe(laterCommit);
  });

  it('reads a learner repository\'s starter from its first commit, whatever was committed since', async () => {
    await using course = await courseFixture('learner');
    await course.write(answerPath, 'export const answer = (): number => 42;\n');
    course.git('commit', '--quiet', '-am', 'my solution');

    await startAttempt(course.ctx, '01-demo');
    expect(await course.read(answerPath)).toBe(starterAnswer);
  });

  it('takes COURSE_STARTER_REF over both', async () => {
    await using course = await courseFixture('course');
    course.git('tag', 'handed-out');
    await course.write(answerPath, laterCommit);
    course.git('commit', '--quiet', '-am', 'a new starter');

    const source = await starterSource(course.root, { COURSE_STARTER_REF: 'handed-out' });
    expect((await starterFile(source, answerPath)).toString()).toBe(starterAnswer);
  });

  it('names a COURSE_STARTER_REF that is not a commit', async () => {
    await using course = await courseFixture('course');
    await expect(starterSource(course.root, { COURSE_STARTER_REF: 'no-such-tag' })).rejects.toThrow(
      '"no-such-tag" (COURSE_STARTER_REF) is not a commit',
    );
  });

  it('says why it needs git when the folder is not a git checkout', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'not-git-'));
    try {
      await expect(starterSource(folder, {})).rejects.toThrow(/is not a git checkout, and practice mode reads each kata's starter from git/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('names a starter file the ref does not have, and how to fix it', async () => {
    await using course = await courseFixture('course');
    const source = await starterSource(course.root, {});
    await expect(starterFile(source, 'exercises/katas/01-demo/src/missing.ts')).rejects.toThrow(
      'exercises/katas/01-demo/src/missing.ts is not in HEAD (the course repository: HEAD), so its starter cannot be restored. ' +
        'Commit it, or set COURSE_STARTER_REF to a commit that has it.',
    );
  });

  it('refuses to start a kata whose starter was never committed', async () => {
    await using course = await courseFixture('course');
    await course.write('exercises/katas/01-demo/exercise.json', JSON.stringify({
      id: '01-demo', title: 'Demo kata', kind: 'kata', concepts: ['x'], services: [], timeLimitMinutes: 5, points: 1,
      variants: [{ name: 'new', description: 'A variant whose file is not committed.', files: ['new.ts'] }], hints: [],
    }));
    await expect(startAttempt(course.ctx, '01-demo')).rejects.toThrow(/src\/new\.ts is not in HEAD/);
  });
});
