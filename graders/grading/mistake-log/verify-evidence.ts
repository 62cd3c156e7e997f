import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { MistakeEntry } from './mistake-log.ts';

const run = promisify(execFile);

export type TestState = 'passed' | 'failed' | 'missing';

export interface EvidenceCheck {
  entry: MistakeEntry;
  atCommit: TestState;
  now: TestState;
  /** The evidence holds: the test failed at the commit and passes now. */
  holds: boolean;
  detail: string;
}

interface JsonReport {
  testResults?: { assertionResults?: { ancestorTitles: string[]; title: string; status: string }[] }[];
}

/** Vitest prints "describe > it"; learners copy "describe › it" or spaces: all name one test. */
const normalName = (name: string) => name.split(/\s*(?:›|>)\s*|\s+/).filter(Boolean).join(' ');

/** Runs one test file in `root` with that tree's own Vitest config, and finds the named test. */
export async function testState(root: string, file: string, name: string): Promise<TestState> {
  if (!existsSync(join(root, file))) return 'missing';
  const output = join(root, '.course', `evidence-${process.pid}-${Date.now()}.json`);
  await mkdir(join(root, '.course'), { recursive: true });
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  // A failing test makes Vitest exit non-zero: that is an answer here, not an error.
  await run(process.execPath, [vitest, 'run', file, '--reporter=json', `--outputFile=${output}`], { cwd: root, timeout: 300_000 })
    .catch(() => undefined);
  const report = JSON.parse(await readFile(output, 'utf8').catch(() => '{}')) as JsonReport;
  await rm(output, { force: true });
  const wanted = normalName(name);
  const found = (report.testResults ?? []).flatMap((result) => result.assertionResults ?? [])
    .find((test) => normalName([...test.ancestorTitles, test.title].join(' ')) === wanted);
  if (!found) return 'missing';
  return found.status === 'passed' ? 'passed' : 'failed';
}

/**
 * Checks an entry's failing-test evidence: the test must fail at the named commit (the
 * mistake, before its repair) and pass in the working tree now. The commit's tree is
 * extracted with `git archive`, so the checkout itself is never switched.
 */
export async function checkEvidence(repo: string, entry: MistakeEntry): Promise<EvidenceCheck> {
  const { test, commit } = entry.repairEvidence;
  if (!test || !commit) {
    return { entry, atCommit: 'missing', now: 'missing', holds: false, detail: 'names no test and commit to run' };
  }
  await mkdir(join(repo, '.course'), { recursive: true });
  const then = await mkdtemp(join(repo, '.course', 'evidence-'));
  try {
    await run('git', ['-C', repo, 'rev-parse', '--verify', `${commit}^{commit}`]).catch(() => {
      throw new Error(`commit ${commit} is not in this repository (git log --oneline lists them)`);
    });
    await run('sh', ['-c', `git -C "$1" archive "$2" | tar -x -C "$3"`, 'sh', repo, commit, then]);
    await symlink(join(repo, 'node_modules'), join(then, 'node_modules'));
    const atCommit = await testState(then, test.file, test.name);
    const now = await testState(repo, test.file, test.name);
    const holds = atCommit === 'failed' && now === 'passed';
    const detail = holds
      ? `fails at ${commit.slice(0, 7)}, passes now`
      : `expected it to fail at ${commit.slice(0, 7)} and pass now; it is ${atCommit} there and ${now} now`;
    return { entry, atCommit, now, holds, detail };
  } catch (error) {
    return { entry, atCommit: 'missing', now: 'missing', holds: false, detail: (error as Error).message };
  } finally {
    await rm(then, { recursive: true, force: true });
  }
}
