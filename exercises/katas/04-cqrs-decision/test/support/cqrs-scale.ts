import { expect } from 'vitest';
import type { CqrsDecision, Scenario } from '../../src/scenario.ts';

/**
 * How much reads and writes are separated. `staged` and `yes` share a rung: both split them
 * fully now; they differ only in when event sourcing arrives, which is the second scale.
 */
export const cqrsRank = { no: 0, partial: 1, staged: 2, yes: 2 } as const;
export const eventSourcingRank = { none: 0, later: 1, now: 2 } as const;

/** The decision, after checking that its fields agree with each other and with the scenario. */
export function checkedDecision(decision: CqrsDecision, scenario: Scenario, label: string): CqrsDecision {
  const said = `${label}: ${JSON.stringify(decision)}`;
  expect(Object.keys(cqrsRank), `${said}: shape must be no, partial, staged or yes`).toContain(decision.shape);
  expect(Object.keys(eventSourcingRank), `${said}: eventSourcing must be none, later or now`).toContain(decision.eventSourcing);
  expect(['team', 'invariants', 'read-sides', 'audit', 'infrastructure'], `${said}: decidingTrait is not a trait`)
    .toContain(decision.decidingTrait);
  const names = scenario.readSides.map((side) => side.name);
  expect(Array.isArray(decision.projections), `${said}: projections must be an array of read-side names`).toBe(true);
  for (const projection of decision.projections) {
    expect(names, `${said}: projection "${projection}" is not one of the scenario's read sides`).toContain(projection);
  }
  const expectedEventSourcing = { no: ['none'], partial: ['none'], staged: ['later'], yes: ['none', 'now'] }[decision.shape];
  expect(expectedEventSourcing, `${said}: a "${decision.shape}" call cannot have event sourcing "${decision.eventSourcing}"`)
    .toContain(decision.eventSourcing);
  if (decision.shape === 'no') {
    expect(decision.projections, `${said}: "no" keeps one model, so nothing is projected`).toEqual([]);
  } else if (scenario.readSides.length > 0) {
    expect(decision.projections.length, `${said}: a "${decision.shape}" call projects at least one read side`)
      .toBeGreaterThan(0);
  }
  return decision;
}
