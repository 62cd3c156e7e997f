import { describe, expect, it } from 'vitest';
import { decideCqrs } from '../src/decide-cqrs.ts';
import { checkedDecision, cqrsRank, eventSourcingRank } from './support/cqrs-scale.ts';
import { type ScenarioId, seedScenarios, withTraits } from './support/seed-scenarios.ts';

function withAuditFlipped(id: ScenarioId) {
  const scenario = withTraits(id, { auditRequired: !seedScenarios[id].auditRequired });
  const before = checkedDecision(decideCqrs(seedScenarios[id]), seedScenarios[id], id);
  const after = checkedDecision(decideCqrs(scenario), scenario, `${id} with audit ${scenario.auditRequired ? 'required' : 'not required'}`);
  return { before, after };
}

describe('decideCqrs when "audit required" is flipped', () => {
  it('answers an audit duty on the five-person HR portal without event sourcing now', () => {
    expect(withAuditFlipped('4a').after.eventSourcing).not.toBe('now');
  });

  it('does not bring event sourcing forward for the claims system once audit is off', () => {
    const { before, after } = withAuditFlipped('4c');
    expect(eventSourcingRank[after.eventSourcing]).toBeLessThanOrEqual(eventSourcingRank[before.eventSourcing]);
  });

  it('keeps the marketplace at least partial when audit becomes required', () => {
    const { after } = withAuditFlipped('4d');
    expect(cqrsRank[after.shape]).toBeGreaterThanOrEqual(cqrsRank.partial);
  });

  it('keeps projections for the trading platform\'s search and live dashboard once audit is off', () => {
    const { after } = withAuditFlipped('4b');
    expect(cqrsRank[after.shape]).toBeGreaterThanOrEqual(cqrsRank.partial);
  });
});
