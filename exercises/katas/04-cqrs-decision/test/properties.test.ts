import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideCqrs } from '../src/decide-cqrs.ts';
import type { Scenario } from '../src/scenario.ts';
import { checkedDecision, cqrsRank, eventSourcingRank } from './support/cqrs-scale.ts';
import { readSides, scenarios } from './support/scenario-arbitraries.ts';

const decide = (scenario: Scenario, label: string) => checkedDecision(decideCqrs(scenario), scenario, label);

describe('decideCqrs on any scenario', () => {
  it('returns a decision whose shape, event sourcing and projections agree', () => {
    fc.assert(fc.property(scenarios, (scenario) => void decide(scenario, JSON.stringify(scenario))));
  });

  it('never makes the answer less CQRS when read sides are added', () => {
    fc.assert(
      fc.property(scenarios, readSides('extra-', 3), (scenario, extra) => {
        const before = decide(scenario, 'before');
        const more = { ...scenario, readSides: [...scenario.readSides, ...extra] };
        const after = decide(more, `with ${extra.map((side) => side.kind).join(', ')} added`);
        expect(cqrsRank[after.shape], `adding ${extra.length} read sides took ${before.shape} down to ${after.shape}`)
          .toBeGreaterThanOrEqual(cqrsRank[before.shape]);
      }),
    );
  });

  it('never adds event sourcing when the audit duty or the hard invariants go away', () => {
    fc.assert(
      fc.property(scenarios, fc.boolean(), fc.boolean(), (scenario, dropAudit, softenInvariants) => {
        const before = decide(scenario, 'before');
        const lighter: Scenario = {
          ...scenario,
          auditRequired: dropAudit ? false : scenario.auditRequired,
          writeInvariants: softenInvariants ? 'simple' : scenario.writeInvariants,
        };
        const after = decide(lighter, `audit ${lighter.auditRequired}, invariants ${lighter.writeInvariants}`);
        expect(eventSourcingRank[after.eventSourcing], `event sourcing went from ${before.eventSourcing} to ${after.eventSourcing}`)
          .toBeLessThanOrEqual(eventSourcingRank[before.eventSourcing]);
      }),
    );
  });
});
