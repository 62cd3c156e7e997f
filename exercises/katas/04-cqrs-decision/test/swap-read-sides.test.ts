import { describe, expect, it } from 'vitest';
import { decideCqrs } from '../src/decide-cqrs.ts';
import { checkedDecision, cqrsRank } from './support/cqrs-scale.ts';
import { type ScenarioId, seedScenarios, withTraits } from './support/seed-scenarios.ts';

/** The scenario with another scenario's read sides: their number and their kinds. */
function withReadSidesOf(id: ScenarioId, from: ScenarioId) {
  const scenario = withTraits(id, { readSides: seedScenarios[from].readSides });
  return checkedDecision(decideCqrs(scenario), scenario, `${id} with the read sides of ${from}`);
}

describe('decideCqrs when the read sides are swapped', () => {
  it('moves the HR portal past "no" once it must serve the trading platform\'s search, live dashboard and analytics', () => {
    expect(cqrsRank[withReadSidesOf('4a', '4b').shape]).toBeGreaterThanOrEqual(cqrsRank.partial);
  });

  it('takes the marketplace no further than partial when all it serves is screens and a report', () => {
    expect(cqrsRank[withReadSidesOf('4d', '4a').shape]).toBeLessThanOrEqual(cqrsRank.partial);
  });

  it('keeps the marketplace at least partial with the trading platform\'s four read sides', () => {
    expect(cqrsRank[withReadSidesOf('4d', '4b').shape]).toBeGreaterThanOrEqual(cqrsRank.partial);
  });
});
