import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Set by the grader to the root of the copy it runs: test workers may write there and nowhere else. */
export const sandboxVariable = 'COURSE_SANDBOX_ROOT';

/**
 * Node's permission model for the test workers of one graded copy: they read anywhere (the
 * course's packages and tests) but write only inside the copy, and start no child processes
 * or workers, so code under test can neither touch the grader's results nor leave a process
 * behind. An exercise whose own tests start a process (a relay killed mid-batch) is allowed
 * child processes and workers: its tests are the course's, checked against the manifest, so
 * a learner cannot turn that on (and the children inherit the same write limits).
 */
export function sandboxFlags(root: string | undefined): string[] {
  if (!root) return [];
  const flags = ['--permission', '--allow-fs-read=*', `--allow-fs-write=${root}`];
  // The child inherits the permission model; run through tsx, it loads in a worker thread.
  return testsStartProcesses(root) ? [...flags, '--allow-child-process', '--allow-worker'] : flags;
}

function testsStartProcesses(root: string): boolean {
  const files = readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  return files.some((file) => /from ['"]node:child_process['"]/.test(readFileSync(join(root, 'test', file), 'utf8')));
}
