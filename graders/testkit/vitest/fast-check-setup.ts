import fc from 'fast-check';
import { courseSeed } from '../harness/property.ts';

/**
 * fast-check 4 keeps a failing case's own error in `cause`, where Vitest's report does not
 * show it; with this the failing assertion (or the starter's TODO) is in the message the
 * learner reads, and the self-check can tell an instructive failure from a broken one.
 */
fc.configureGlobal({ ...fc.readConfigureGlobal(), includeErrorInReport: true });

/**
 * The self-check only needs to know that a starter or a mutant fails, not the smallest case
 * that shows it, so it skips shrinking there (`COURSE_FAST_FAIL=1`). Learners and the grader
 * always get the shrunk case.
 */
if (process.env.COURSE_FAST_FAIL === '1') {
  fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
}

/** One seed for every property of the run, when the self-check (or a replay) names it. */
const seed = courseSeed();
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
