import type { Workflow } from '#graders/testkit/sagas/workflow.ts';
import type { Version } from './saga-run.ts';

/**
 * The names of the saga tests, in one place: the specs use them, and the written part is
 * checked against them when a bug names "the test that catches it".
 */
export const titles = {
  happyPath: 'confirms a saga whose steps all succeed, doing each step once and in order',
  failureAt: (step: string) => `undoes exactly the completed steps, in reverse, when ${step} fails`,
  calmDeadline: (workflow: Workflow) => `ends every saga within the ${workflow.name} deadline on a calm bus`,
  chaos: (version: Version) =>
    `keeps every saga's promises under ${version === 'orchestration' ? 'lost replies, delays, ' : ''}duplicates and reordering`,
  sameOutcome: 'reaches the same outcome for the same scenario either way',
};

/** Every saga test title for a workflow, both versions. */
export function sagaTestTitles(workflow: Workflow): string[] {
  return [
    titles.happyPath,
    ...workflow.steps.map((s) => titles.failureAt(s.step)),
    titles.calmDeadline(workflow),
    titles.chaos('choreography'),
    titles.chaos('orchestration'),
    titles.sameOutcome,
  ];
}
