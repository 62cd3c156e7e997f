import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchLearners } from './fetch-learners.ts';

const base = await mkdtemp(join(tmpdir(), 'learner-repos-'));
afterAll(() => rm(base, { recursive: true, force: true }));

/** A learner's repository with a commit before the deadline and one after it. */
function learnerRepository(repository: string): void {
  const work = join(base, 'work', repository);
  const git = (args: string[], date?: string) =>
    execFileSync('git', ['-C', work, ...args], {
      env: { ...process.env, GIT_AUTHOR_NAME: 'L', GIT_AUTHOR_EMAIL: 'l@example.org', GIT_COMMITTER_NAME: 'L', GIT_COMMITTER_EMAIL: 'l@example.org', ...(date ? { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } : {}) },
    });
  execFileSync('git', ['init', '--quiet', '-b', 'main', work]);
  execFileSync('sh', ['-c', `echo on-time > ${join(work, 'work.txt')}`]);
  git(['add', '.']);
  git(['commit', '--quiet', '-m', 'on time'], '2026-12-01T10:00:00Z');
  execFileSync('sh', ['-c', `echo late > ${join(work, 'work.txt')}`]);
  git(['commit', '--quiet', '-am', 'late'], '2026-12-20T10:00:00Z');
  execFileSync('git', ['clone', '--quiet', '--bare', work, join(base, `${repository}.git`)]);
}

describe("fetching a shard's learners", () => {
  it('takes each learner at their last commit before the deadline, and reports one that cannot be read without stopping', async () => {
    learnerRepository('ada/eda');
    learnerRepository('bob/eda');
    const into = join(base, 'submissions');
    const lines: string[] = [];
    const fetched = await fetchLearners({
      learners: [{ learner: 'ada', repository: 'ada/eda' }, { learner: 'gone', repository: 'gone/eda' }, { learner: 'bob', repository: 'bob/eda' }],
      into, deadline: '2026-12-18T23:59:00Z', baseUrl: base, token: 's3cret-token', log: (line) => lines.push(line),
    });
    expect(fetched.map((f) => [f.learner, Boolean(f.commit), Boolean(f.problem)])).toEqual([['ada', true, false], ['gone', false, true], ['bob', true, false]]);
    expect(readFileSync(join(into, 'ada', 'work.txt'), 'utf8')).toBe('on-time\n');
    expect(readFileSync(join(into, 'bob', 'work.txt'), 'utf8')).toBe('on-time\n');
    expect(await readdir(join(into, 'gone'))).toEqual([]);
    expect(lines.join('\n')).not.toContain('s3cret-token');
  });

  it('takes the latest commit when there is no deadline, and reports a learner with nothing before one', async () => {
    learnerRepository('cy/eda');
    const into = join(base, 'latest');
    const latest = await fetchLearners({ learners: [{ learner: 'cy', repository: 'cy/eda' }], into, baseUrl: base, log: () => {} });
    expect(latest[0]!.commit).toBeTruthy();
    expect(readFileSync(join(into, 'cy', 'work.txt'), 'utf8')).toBe('late\n');
    const early = await fetchLearners({ learners: [{ learner: 'cy', repository: 'cy/eda' }], into, deadline: '2026-01-01T00:00:00Z', baseUrl: base, log: () => {} });
    expect(early[0]!.problem).toMatch(/no commit before 2026-01-01/);
    expect(existsSync(join(into, 'cy', 'work.txt'))).toBe(false);
  });
});
