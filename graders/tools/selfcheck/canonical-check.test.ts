import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalTestsPath } from '../../grading/integrity/canonical-tests.ts';
import type { Exercise } from '../../grading/runner/exercise-catalog.ts';
import type { TestOutcome } from '../../grading/runner/run-vitest.ts';
import { canonicalDrift } from './canonical-check.ts';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

async function courseRecording(recorded: Record<string, { file: string; name: string }[]> | undefined): Promise<Exercise> {
  const root = await mkdtemp(join(tmpdir(), 'canonical-'));
  roots.push(root);
  if (recorded) {
    await mkdir(join(root, canonicalTestsPath, '..'), { recursive: true });
    await writeFile(join(root, canonicalTestsPath), JSON.stringify({ version: 1, exercises: recorded }));
  }
  return { path: 'katas/01-demo', folder: join(root, 'exercises', 'katas', '01-demo'), meta: { id: '01-demo' } } as unknown as Exercise;
}
const ran = (...names: string[]): TestOutcome[] => names.map((name) => ({ file: 'test/a.test.ts', name, status: 'passed', durationMs: 1 }));

describe('a reference run against the recorded canonical tests', () => {
  it('agrees when it ran exactly the recorded tests', async () => {
    const exercise = await courseRecording({ '01-demo': [{ file: 'test/a.test.ts', name: 'a › one' }] });
    expect(canonicalDrift(exercise, ran('a › one'))).toBeUndefined();
  });

  it('names a test added and a test gone, and how to record again', async () => {
    const exercise = await courseRecording({ '01-demo': [{ file: 'test/a.test.ts', name: 'a › one' }] });
    const drift = canonicalDrift(exercise, ran('a › two'));
    expect(drift).toMatch(/npm run grade -- --solutions --record-canonical/);
    expect(drift).toMatch(/not recorded: test\/a\.test\.ts › a › two/);
    expect(drift).toMatch(/recorded but not run: test\/a\.test\.ts › a › one/);
  });

  it('asks for a recording when the course records others but not this exercise', async () => {
    const exercise = await courseRecording({ '02-other': [] });
    expect(canonicalDrift(exercise, ran('a › one'))).toMatch(/no canonical tests are recorded for 01-demo/);
  });

  it('checks nothing in a course that records no canonical tests', async () => {
    expect(canonicalDrift(await courseRecording(undefined), ran('a › one'))).toBeUndefined();
  });
});
