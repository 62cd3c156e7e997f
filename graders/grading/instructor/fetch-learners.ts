import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RosterLearner } from './class-roster.ts';

const run = promisify(execFile);

export interface FetchOptions {
  learners: readonly RosterLearner[];
  into: string;
  /** Grade each learner at their last commit before this time; the latest commit when absent. */
  deadline?: string;
  /** Where repositories live: https://github.com, or a local folder of bare repositories in tests. */
  baseUrl: string;
  token?: string;
  log: (line: string) => void;
}

export interface FetchedLearner {
  learner: string;
  commit?: string;
  problem?: string;
}

/**
 * Clones each learner's repository into `into/<learner>/` at the commit to grade. A learner
 * whose repository cannot be read, or who has no commit before the deadline, is left as an
 * empty folder (the grade reports it) and the others are still fetched. The token travels in
 * git's environment, never on a command line or in a message.
 */
export async function fetchLearners(options: FetchOptions): Promise<FetchedLearner[]> {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', ...authEnv(options.token) };
  const fetched: FetchedLearner[] = [];
  for (const { learner, repository } of options.learners) {
    const folder = join(options.into, learner);
    await rm(folder, { recursive: true, force: true });
    try {
      await run('git', ['clone', '--quiet', '--no-checkout', `${options.baseUrl}/${repository}.git`, folder], { env, timeout: 300_000 });
      const { stdout } = await run('git', ['-C', folder, 'rev-list', '-1', ...(options.deadline ? [`--before=${options.deadline}`] : []), 'HEAD'], { env });
      const commit = stdout.trim();
      if (!commit) throw new Error(`no commit before ${options.deadline}`);
      await run('git', ['-C', folder, 'checkout', '--quiet', commit], { env });
      fetched.push({ learner, commit });
      options.log(`  ${learner}: ${repository} at ${commit.slice(0, 12)}`);
    } catch (error) {
      const problem = describe(error, options.token);
      await rm(folder, { recursive: true, force: true });
      await mkdir(folder, { recursive: true });
      fetched.push({ learner, problem });
      options.log(`  ${learner}: ${repository} could not be fetched: ${problem}`);
    }
  }
  return fetched;
}

function authEnv(token: string | undefined): Record<string, string> {
  if (!token) return {};
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}` };
}

function describe(error: unknown, token: string | undefined): string {
  const stderr = (error as { stderr?: string }).stderr?.trim();
  const text = (stderr || (error as Error).message).split('\n').filter(Boolean).at(-1) ?? 'unknown error';
  return token ? text.split(token).join('***') : text;
}
