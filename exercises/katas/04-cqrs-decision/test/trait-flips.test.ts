import { describe, expect, it } from 'vitest';
import { decideCqrs } from '../src/decide-cqrs.ts';
import type { Scenario } from '../src/scenario.ts';
import { checkedDecision } from './support/cqrs-scale.ts';
import { type ScenarioId, seedScenarios, withTraits } from './support/seed-scenarios.ts';

// A rule that ignores a trait gets some scenarios right by luck. Each example flips one
// trait of one scenario, where the call must move, so ignoring that trait fails every run.
// Team size and read sides are flipped in the swap-team-sizes and swap-read-sides variants.

function flipped(id: ScenarioId, change: Partial<Scenario>, what: string) {
  const scenario = withTraits(id, change);
  return checkedDecision(decideCqrs(scenario), scenario, `${id} ${what}`);
}

describe('decideCqrs when one trait of a scenario flips', () => {
  it('4c with a team that has run event sourcing before: yes, with event sourcing now', () => {
    const decision = flipped('4c', { team: { ...seedScenarios['4c'].team, eventSourcingExperience: true } }, 'with experience');
    expect(decision, 'the team no longer needs to learn event sourcing on projections first').toMatchObject({ shape: 'yes', eventSourcing: 'now' });
  });

  it('4c with an event store already in production: yes, with event sourcing now', () => {
    const decision = flipped('4c', { infrastructure: { ...seedScenarios['4c'].infrastructure, eventStore: true } }, 'with an event store');
    expect(decision, 'the infrastructure for event sourcing already runs').toMatchObject({ shape: 'yes', eventSourcing: 'now' });
  });

  it('4c without the audit duty: no event sourcing, not even later', () => {
    const decision = flipped('4c', { auditRequired: false }, 'without audit');
    expect(decision.eventSourcing, 'without an audit duty nothing asks for the history as the system of record').toBe('none');
  });

  it('4b with simple CRUD invariants: no event sourcing', () => {
    const decision = flipped('4b', { writeInvariants: 'simple' }, 'with simple invariants');
    expect(decision.eventSourcing, 'without hard invariants on every write, the audit alone does not buy event sourcing').toBe('none');
  });
});
