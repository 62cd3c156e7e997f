import type { TestStatus } from '../../grading/runner/run-vitest.ts';
import type { Mistake } from './design-kata.ts';
import { parseTestId, type TestRef, testId } from './test-ids.ts';

/** One test's result on the learner's copy, as the runner reports it. */
export interface TestResult extends TestRef {
  status: TestStatus;
}

/**
 * What the kata's tests say about one common mistake in the learner's core:
 * `found` a test that stages it failed; `clear` every test that stages it ran and passed;
 * `cannot-tell` none failed, but one did not run (missing, skipped, or its file did not load).
 */
export interface MistakeVerdict {
  says: string;
  verdict: 'found' | 'clear' | 'cannot-tell';
  /** The ids of the tests that failed (found) or did not run (cannot tell). */
  tests: string[];
}

export function judgeMistakes(mistakes: readonly Mistake[], results: readonly TestResult[] | undefined): MistakeVerdict[] {
  return mistakes.filter((m) => m.foundBy !== undefined).map(({ says, foundBy }) => {
    const outcomes = foundBy!.map((id) => {
      const ref = parseTestId(id);
      const result = ref && results?.find((r) => r.file === ref.file && r.name === ref.name);
      return { id: ref ? testId(ref) : id, status: result?.status };
    });
    const failed = outcomes.filter((o) => o.status === 'failed');
    if (failed.length > 0) return { says, verdict: 'found', tests: failed.map((o) => o.id) };
    const unrun = outcomes.filter((o) => o.status !== 'passed');
    return unrun.length === 0 ? { says, verdict: 'clear', tests: [] } : { says, verdict: 'cannot-tell', tests: unrun.map((o) => o.id) };
  });
}

const label = { found: '[found]      ', clear: '[clear]      ', 'cannot-tell': '[cannot tell]' } as const;

/** The report's lines for the verdicts: one per mistake, with the tests that decided it. */
export function verdictLines(verdicts: readonly MistakeVerdict[]): string[] {
  return verdicts.flatMap(({ says, verdict, tests }) => [
    `  ${label[verdict]} ${says}`,
    ...(verdict === 'found' ? tests.map((t) => `                failed: ${t}`) : []),
    ...(verdict === 'cannot-tell' ? tests.map((t) => `                did not run (missing, skipped or its file did not load): ${t}`) : []),
  ]);
}
