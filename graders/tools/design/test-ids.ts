import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { closest } from 'fastest-levenshtein';
import { repoRoot } from '../../grading/runner/repo-paths.ts';

/** One test of a kata, as the grader's results and the mutants' Caught-by lines name it. */
export interface TestRef {
  /** Relative to the kata folder: `test/correlator.test.ts`. */
  file: string;
  /** Describe blocks and the test's title joined with " › ". */
  name: string;
}

/**
 * Reads a test id: `test/<file>.test.ts: <describe> › <test name>`, the form of a mutant's
 * Caught-by line; `test/<file>.test.ts › <describe> › <test name>` is read the same way.
 */
export function parseTestId(id: string): TestRef | undefined {
  const match = /^(test\/\S+\.test\.ts)(?::| ›) (.+)$/.exec(id.trim());
  return match ? { file: match[1]!, name: match[2]!.trim() } : undefined;
}

export const testId = (ref: TestRef): string => `${ref.file}: ${ref.name}`;

const vitestEntry = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
const variantConfig = join(repoRoot, 'graders', 'testkit', 'vitest', 'variant-run.config.ts');

/**
 * Every test a kata folder declares, collected by Vitest without running one (`vitest list`),
 * so that a name is checked against what Vitest itself sees, describe blocks included.
 */
export function listTests(kataFolder: string): TestRef[] {
  const run = spawnSync(process.execPath, [vitestEntry, 'list', '--json', '--config', variantConfig, '--root', kataFolder], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  let listed: { name: string; file: string }[];
  try {
    listed = JSON.parse(run.stdout) as { name: string; file: string }[];
  } catch {
    throw new Error(`vitest list could not collect the tests of ${kataFolder} (exit ${run.status}):\n${run.stderr.slice(-2_000)}`);
  }
  return listed.map((test) => ({ file: relative(kataFolder, test.file), name: test.name.split(' > ').join(' › ') }));
}

/** The ids among `ids` that name no test in `tests`, each with the nearest test's id when one is near. */
export function unknownTestIds(ids: readonly string[], tests: readonly TestRef[]): string[] {
  return ids.flatMap((id) => {
    const ref = parseTestId(id);
    if (ref === undefined) return [`"${id}" is not a test id: write test/<file>.test.ts: <describe> › <test name>`];
    if (tests.some((t) => t.file === ref.file && t.name === ref.name)) return [];
    const known = tests.map(testId);
    return [`"${id}" names no test of the kata${known.length > 0 ? ` (nearest: "${closest(testId(ref), known)}")` : ''}`];
  });
}
