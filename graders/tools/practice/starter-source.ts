import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PracticeError } from './practice-error.ts';

const run = promisify(execFile);

async function git(root: string, args: string[]): Promise<Buffer> {
  const { stdout } = await run('git', ['-C', root, ...args], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The commit (or other ref) whose tree holds the starters as handed out. */
export interface StarterSource {
  root: string;
  ref: string;
  /** Why this ref: shown when a file is missing from it. */
  reason: string;
}

/**
 * Where the starter comes from. The working tree is the learner's attempt, so the starter is
 * read from git: in the course repository (it has solutions/) from HEAD, where src/ is always
 * the starter; in a learner's repository from its root commit, the template as handed out.
 * COURSE_STARTER_REF overrides both.
 */
export async function starterSource(root: string, env: NodeJS.ProcessEnv): Promise<StarterSource> {
  try {
    await git(root, ['rev-parse', '--is-inside-work-tree']);
  } catch {
    throw new PracticeError(
      `${root} is not a git checkout, and practice mode reads each kata's starter from git. ` +
        'Work in a clone of the course repository (or your copy of the template), not in a downloaded archive.',
    );
  }
  const override = env.COURSE_STARTER_REF;
  const chosen = override
    ? { ref: override, reason: 'COURSE_STARTER_REF' }
    : existsSync(join(root, 'solutions'))
      ? { ref: 'HEAD', reason: 'the course repository: HEAD' }
      : { ref: await rootCommit(root), reason: "your repository's first commit" };
  try {
    await git(root, ['rev-parse', '--verify', '--quiet', `${chosen.ref}^{commit}`]);
  } catch {
    throw new PracticeError(
      `"${chosen.ref}" (${chosen.reason}) is not a commit in ${root}. ` +
        (override ? 'Set COURSE_STARTER_REF to a commit, branch or tag that holds the starters.' : 'Commit the starters first.'),
    );
  }
  return { root, ...chosen };
}

async function rootCommit(root: string): Promise<string> {
  try {
    const roots = (await git(root, ['rev-list', '--max-parents=0', 'HEAD'])).toString().trim().split('\n');
    // With several roots (merged histories) the oldest is listed last: that is the template.
    return roots.at(-1)!;
  } catch {
    throw new PracticeError(`${root} has no commits yet: commit the exercises as handed out, then start again.`);
  }
}

/** Paths (relative to `root`) of every file under the given paths in the starter's tree. */
export async function starterPaths(source: StarterSource, paths: string[]): Promise<string[]> {
  const listed = await git(source.root, ['ls-tree', '-r', '--name-only', source.ref, '--', ...paths]);
  return listed.toString().split('\n').filter(Boolean);
}

/** One starter file's bytes, or a clear error naming the ref it is missing from. */
export async function starterFile(source: StarterSource, path: string): Promise<Buffer> {
  try {
    return await git(source.root, ['show', `${source.ref}:./${path}`]);
  } catch {
    throw new PracticeError(
      `${path} is not in ${source.ref} (${source.reason}), so its starter cannot be restored. ` +
        'Commit it, or set COURSE_STARTER_REF to a commit that has it.',
    );
  }
}
