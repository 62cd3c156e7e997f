import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { everyoneCanReach } from '../../services/postgres/reachable-binaries.ts';

/**
 * Set by the grader in the environment it hands to `runVitest` (`uid:gid:node`): the test run of
 * that copy starts as this user. Never read from a learner's environment: the grade of
 * record builds its environment itself.
 */
export const runAsVariable = 'COURSE_RUN_AS';

export interface LearnerUser {
  uid: number;
  gid: number;
  /** A Node binary the user can run: the grader's own, or a copy of it where that one sits in a private folder. */
  node: string;
}

/** The unprivileged account learner code runs as when the grader is root. */
const unprivilegedAccount = 'nobody';

/**
 * Under root, the permission model keeps learner code from writing outside its copy, but not
 * from signalling the grader, the watchdog or another learner's run: a process may signal any
 * process of its own user, and root's may signal anyone's. Run as `nobody`, learner code can
 * signal only its own run. That user must be able to reach the course's packages and the
 * copies; where a folder on the way is private (a checkout in /root), this returns why not.
 */
export async function learnerUser(courseRoot: string): Promise<{ user: LearnerUser } | { why: string }> {
  if (process.getuid?.() !== 0) return { why: 'the grader does not run as root: learner code already runs unprivileged' };
  const account = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === unprivilegedAccount);
  if (!account) return { why: `this machine has no "${unprivilegedAccount}" user` };
  const vitest = join(courseRoot, 'node_modules', 'vitest', 'vitest.mjs');
  if (!everyoneCanReach(vitest)) {
    return {
      why: `a folder above ${courseRoot} is private, so "${unprivilegedAccount}" cannot reach the course's packages; ` +
        'put the course checkout in a folder every user can traverse (chmod 755 on it and its parents) to run learner code unprivileged',
    };
  }
  return { user: { uid: Number(account[2]), gid: Number(account[3]), node: await reachableNode() } };
}

/**
 * The Node binary, where the learner user can run it. One installed under root's home (as
 * .ci/run does) is copied once into the temporary folder, beside its place and renamed in,
 * so two graders at once never run half a copy.
 */
async function reachableNode(): Promise<string> {
  if (everyoneCanReach(process.execPath)) return process.execPath;
  const copy = join(tmpdir(), 'course-node', process.version, 'node');
  if (existsSync(copy)) return copy;
  await mkdir(dirname(copy), { recursive: true, mode: 0o755 });
  const partial = `${copy}.${process.pid}`;
  await copyFile(process.execPath, partial);
  await chmod(partial, 0o755);
  await rename(partial, copy);
  return copy;
}

/** Gives the copy (and the folder the report is written to) to the learner user, so their run can write only there. */
export async function handOver(user: LearnerUser, folders: readonly string[]): Promise<void> {
  // `chown -R`: Node has no recursive chown, and walking the tree by hand would follow what the tool does.
  await promisify(execFile)('chown', ['-R', `${user.uid}:${user.gid}`, ...folders]);
}

/** The variable's value for a user: `uid:gid:node`. */
export function formatRunAs(user: LearnerUser): string {
  return `${user.uid}:${user.gid}:${user.node}`;
}

export function parseRunAs(value: string | undefined): LearnerUser | undefined {
  const match = value?.match(/^(\d+):(\d+):(\/.+)$/);
  return match ? { uid: Number(match[1]), gid: Number(match[2]), node: match[3]! } : undefined;
}
