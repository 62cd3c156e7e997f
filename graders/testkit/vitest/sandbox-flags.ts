import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Set by the grader to the root of the copy it runs: test workers may write there and nowhere else. */
export const sandboxVariable = 'COURSE_SANDBOX_ROOT';

/** Set by the self-check's shared worker: the copies whose files it runs, as JSON (see copy-environment.ts). */
export const copiesVariable = 'COURSE_SHARED_COPIES';

/** One copy in a shared worker: its root, and the variables its files run with (null: unset). */
export interface CopyEnvironment {
  root: string;
  env: Record<string, string | null>;
}

/** Heap of one graded test worker, in MiB: several times what the heaviest reference run uses. */
export const workerHeapMiB = 2048;
/** Set by the grader (never by code under test: the config reads it before any test loads) to change that limit. */
export const workerHeapVariable = 'COURSE_WORKER_HEAP_MIB';

/**
 * Node's permission model for the test workers of one graded copy: they read anywhere (the
 * course's packages and tests) but write only inside the copy, and start no child processes
 * or workers, so code under test can neither touch the grader's results nor leave a process
 * behind. An exercise whose own tests start a process (a relay killed mid-batch) is allowed
 * child processes and workers: its tests are the course's, checked against the manifest, so
 * a learner cannot turn that on (and the children inherit the same write limits). The
 * self-check's shared worker runs many copies of one exercise, so it may write under the
 * folder that holds them all (`writeRoot`); a learner's copy always gets its own root.
 */
export function sandboxFlags(root: string | undefined, writeRoot: string | undefined = root): string[] {
  if (!root) return [];
  // The heap is capped too: code that hoards memory ends its own run in seconds, instead of
  // slowing every other run on the machine until the deadline.
  const flags = ['--permission', '--allow-fs-read=*', `--allow-fs-write=${writeRoot}`, `--max-old-space-size=${heapMiB()}`];
  // The child inherits the permission model; run through tsx, it loads in a worker thread.
  return testsStartProcesses(root) ? [...flags, '--allow-child-process', '--allow-worker'] : flags;
}

/**
 * Where a clinic item's learner writes the reproduction of its shipped mistake. It is learner
 * code, not the course's, so it never decides what the sandbox allows.
 */
export const reproductionTestFile = 'test/reproduce.test.ts';

function testsStartProcesses(root: string): boolean {
  const files = readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && `test/${file}` !== reproductionTestFile);
  return files.some((file) => /from ['"]node:child_process['"]/.test(readFileSync(join(root, 'test', file), 'utf8')));
}

function heapMiB(): number {
  const given = Number(process.env[workerHeapVariable]);
  return Number.isInteger(given) && given >= 64 ? given : workerHeapMiB;
}
