import type { Workflow } from '#graders/testkit/sagas/workflow.ts';
import type { Version } from './saga-run.ts';

/**
 * The names of the saga tests, in one place: the specs use them, and the written part is
 * checked against them when a bug names "the test that catches it".
 */
export const titles = {
  happyPath: 'confirms a saga whose steps all succeed, doing each step once and in order',
  failureAt: (step: string) => `undoes exactly the completed steps, in reverse, when ${step} fails`,
  retriedAt: (step: string) => `retries ${step} with a growing back-off when it fails after the pivot, undoing nothing`,
  calmDeadline: (workflow: Workflow) => `ends every saga within the ${workflow.name} deadline on a calm bus`,
  chaos: (version: Version) =>
    `keeps every saga's promises under ${version === 'orchestration' ? 'lost replies, delays, ' : ''}duplicates and reordering`,
  sameOutcome: 'reaches the same outcome for the same scenario either way',
  silentStep: (step: string) => `cancels and undoes ${step} too when its service never answers, within the deadline`,
  silentPivot: (step: string) => `keeps asking ${step} when its replies are lost more often than its attempts, for it may have happened`,
  lostUndo: (undo: string) => `undoes every step once although ${undo} is lost five times in a row`,
  failureTwice: (failed: string) => `compensates each step once when ${failed} is delivered twice`,
  sameCommandTwice: (what: string) => `charges the card once when ${what} is delivered twice`,
};

/** Every saga test title for a workflow, both versions. */
export function sagaTestTitles(workflow: Workflow): string[] {
  return [
    titles.happyPath,
    ...workflow.steps.map((s) => (s.kind === 'retriable' ? titles.retriedAt(s.step) : titles.failureAt(s.step))),
    titles.calmDeadline(workflow),
    titles.chaos('choreography'),
    titles.chaos('orchestration'),
    titles.sameOutcome,
  ];
}
