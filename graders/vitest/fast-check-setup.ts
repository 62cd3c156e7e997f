import fc from 'fast-check';

/**
 * fast-check 4 keeps a failing case's own error in `cause`, where Vitest's report does not
 * show it; with this the failing assertion (or the starter's TODO) is in the message the
 * learner reads, and the self-check can tell an instructive failure from a broken one.
 */
fc.configureGlobal({ includeErrorInReport: true });
