import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideCqrs } from '../src/decide-cqrs.ts';
import { checkedDecision, cqrsRank, eventSourcingRank } from './support/cqrs-scale.ts';
import { scenarios } from './support/scenario-arbitraries.ts';
import { type ScenarioId, seedScenarios, withTraits } from './support/seed-scenarios.ts';

/** The scenario with another scenario's head count; experience stays with the people who have it. */
function withEngineersOf(id: ScenarioId, from: ScenarioId) {
  const { team } = seedScenarios[id];
  const scenario = withTraits(id, { team: { ...team, engineers: seedScenarios[from].team.engineers } });
  return checkedDecision(decideCqrs(scenario), scenario, `${id} with the ${scenario.team.engineers} engineers of ${from}`);
}

describe('decideCqrs when the team sizes are swapped', () => {
  it('gives the trading platform no event sourcing now with the five engineers of the HR portal', () => {
    expect(withEngineersOf('4b', '4a').eventSourcing).not.toBe('now');
  });

  it('keeps the claims system split, with event sourcing at least planned, with forty engineers', () => {
    const decision = withEngineersOf('4c', '4b');
    expect(cqrsRank[decision.shape]).toBe(cqrsRank.staged);
    expect(eventSourcingRank[decision.eventSourcing]).toBeGreaterThanOrEqual(eventSourcingRank.later);
  });

  it('takes the marketplace no further than partial with five engineers', () => {
    const decision = withEngineersOf('4d', '4a');
    expect(cqrsRank[decision.shape]).toBeLessThanOrEqual(cqrsRank.partial);
    expect(decision.eventSourcing).toBe('none');
  });

  it('never separates more, nor sources more events, for a smaller team', () => {
    fc.assert(
      fc.property(scenarios, fc.integer({ min: 1, max: 80 }), (scenario, engineers) => {
        const smaller = { ...scenario, team: { ...scenario.team, engineers: Math.min(engineers, scenario.team.engineers) } };
        const before = checkedDecision(decideCqrs(scenario), scenario, 'before');
        const after = checkedDecision(decideCqrs(smaller), smaller, `with ${smaller.team.engineers} engineers`);
        expect(cqrsRank[after.shape], `${after.shape} is more CQRS than ${before.shape}`).toBeLessThanOrEqual(cqrsRank[before.shape]);
        expect(eventSourcingRank[after.eventSourcing], `event sourcing went from ${before.eventSourcing} to ${after.eventSourcing}`)
          .toBeLessThanOrEqual(eventSourcingRank[before.eventSourcing]);
      }),
    );
  });
});
