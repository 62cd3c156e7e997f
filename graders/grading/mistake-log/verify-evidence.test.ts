import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, scratchDir } from '../runner/repo-paths.ts';
import { sampleEntry } from './fixtures.ts';
import { checkEvidence } from './verify-evidence.ts';

let repo: string;
const commits: Record<'mistake' | 'repair', string> = { mistake: '', repair: '' };
const git = (...args: string[]) =>
  execFileSync('git', ['-C', repo, '-c', 'user.name=Learner', '-c', 'user.email=learner@course.invalid', ...args], { encoding: 'utf8' }).trim();

/** A learner's repository in two commits: the mistake with its failing test, then the repair. */
beforeAll(async () => {
  await mkdir(scratchDir, { recursive: true });
  repo = await mkdtemp(join(scratchDir, 'evidence-repo-'));
  await symlink(join(repoRoot, 'node_modules'), join(repo, 'node_modules'));
  await writeFile(join(repo, '.gitignore'), 'node_modules\n.course\n');
  await mkdir(join(repo, 'test'));
  await writeFile(join(repo, 'test/dedup.test.ts'), [
    "import { expect, it, describe } from 'vitest';",
    "import { seenAfter } from '../dedup.ts';",
    "describe('dedup', () => { it('still knows an event ten minutes later', () => expect(seenAfter(600)).toBe(true)); });",
    '',
  ].join('\n'));
  await writeFile(join(repo, 'dedup.ts'), 'export const seenAfter = (seconds: number): boolean => seconds < 60;\n');
  execFileSync('git', ['init', '-q', repo]);
  git('add', '.');
  git('commit', '-qm', 'mistake');
  commits.mistake = git('rev-parse', 'HEAD');
  await writeFile(join(repo, 'dedup.ts'), 'export const seenAfter = (_seconds: number): boolean => true;\n');
  git('commit', '-qam', 'repair');
  commits.repair = git('rev-parse', 'HEAD');
}, 60_000);

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

const evidence = (commit: string, name = 'dedup › still knows an event ten minutes later') =>
  sampleEntry({ repairEvidence: { kind: 'failing-test', description: 'late redelivery', test: { file: 'test/dedup.test.ts', name }, commit } });

describe('failing-test evidence', () => {
  it('holds when the test fails at the named commit and passes now', async () => {
    const check = await checkEvidence(repo, evidence(commits.mistake));
    expect(check).toMatchObject({ atCommit: 'failed', now: 'passed', holds: true });
  }, 60_000);

  it('does not hold when the test already passed at the named commit', async () => {
    const check = await checkEvidence(repo, evidence(commits.repair.slice(0, 10)));
    expect(check.holds).toBe(false);
    expect(check.detail).toMatch(/expected it to fail at .* and pass now; it is passed there and passed now/);
  }, 60_000);

  it('does not hold for a test name that does not exist', async () => {
    const check = await checkEvidence(repo, evidence(commits.mistake, 'dedup › something else'));
    expect(check).toMatchObject({ atCommit: 'missing', now: 'missing', holds: false });
  }, 60_000);

  it('says so when the commit is not in the repository', async () => {
    const check = await checkEvidence(repo, evidence('deadbeef'));
    expect(check.detail).toMatch(/commit deadbeef is not in this repository/);
  });
});
