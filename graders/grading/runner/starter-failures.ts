import type { RunOutcome, TestOutcome } from './run-vitest.ts';

/**
 * A starter must fail the way a learner can act on: an assertion that states what is
 * expected, or the starter's own `TODO` error saying what to write. Anything else (an
 * import, syntax or type error, a TypeError from an unfinished value) means the exercise
 * is broken, because the learner would be debugging the course instead of learning.
 */
export function isInstructiveFailure(test: TestOutcome): boolean {
  const text = test.details ?? test.message ?? '';
  return /AssertionError|\bTODO\b/.test(text);
}

/** Why a starter run does not fail the way it should, or undefined when it does. */
export function starterProblem(outcome: RunOutcome): string | undefined {
  if (outcome.abort) return `the run ${outcome.abort.reason === 'timeout' ? 'timed out' : 'crashed'}: ${outcome.abort.detail}`;
  const broken = outcome.brokenFiles[0];
  if (broken) {
    return (
      `${broken.file} does not even load on the starter (${firstLineOf(broken.error)}). ` +
      'Starters must import cleanly: throw TODO inside functions, never at module level.'
    );
  }
  const failed = outcome.tests.filter((test) => test.status === 'failed');
  if (failed.length === 0) {
    return `all ${outcome.tests.length} tests pass on the starter: at least one must fail until the learner does the work.`;
  }
  const uninstructive = failed.find((test) => !isInstructiveFailure(test));
  if (uninstructive) {
    return (
      `"${uninstructive.name}" (${uninstructive.file}) fails on the starter with "${uninstructive.message}". ` +
      'Make it fail by an assertion (expect) or by the starter throwing an Error whose message starts with TODO.'
    );
  }
  return undefined;
}

function firstLineOf(text: string): string {
  return text.split('\n').find((line) => line.trim())?.trim() ?? text;
}
