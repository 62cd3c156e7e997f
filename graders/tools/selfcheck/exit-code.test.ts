import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../grading/runner/repo-paths.ts';

const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

describe("npm test's exit code", () => {
  // CI reads only the exit code: a self-check that reports a failure and exits 0 passes CI.
  it('is 1 when a check fails, whatever the services leave hooked on exit', () => {
    const run = spawnSync(process.execPath, [tsx, 'graders/tools/selfcheck/cli.ts', 'no-such-exercise-anywhere'], {
      cwd: repoRoot, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 120_000,
    });
    expect(run.stdout).toMatch(/✗ exercise filter/);
    expect(run.status).toBe(1);
  }, 150_000);
});
