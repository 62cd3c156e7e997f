import type { CqrsDecision, Scenario } from './scenario.ts';

/** The CQRS call for one scenario, from its traits alone. */
export function decideCqrs(scenario: Scenario): CqrsDecision {
  throw new Error(
    'TODO: decide no, partial, staged or yes from the scenario\'s team, invariants, read sides, audit and ' +
      'infrastructure; see README "What to produce".',
  );
}
