import { sandboxVariable } from './sandbox-flags.ts';

/**
 * A grader's run of one copy starts Vitest in the copy's folder, so code under test that opens
 * a path relative to the working directory finds it there. When several of a learner's copies
 * share one Vitest process (runIsolatedTogether), each test file's fresh fork starts in the
 * grader's folder instead; this puts it in its own copy's, where it would have been.
 */
const copyRoot = process.env[sandboxVariable];
if (copyRoot) process.chdir(copyRoot);
