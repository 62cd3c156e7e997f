import { describe, expect, it } from 'vitest';
import { decideCqrs } from '../src/decide-cqrs.ts';
import { checkedDecision } from './support/cqrs-scale.ts';
import { seedScenarios } from './support/seed-scenarios.ts';

const decide = (id: keyof typeof seedScenarios) => checkedDecision(decideCqrs(seedScenarios[id]), seedScenarios[id], id);

describe('decideCqrs on the four scenarios of the kata', () => {
  it('4a, the internal HR portal: no CQRS, one database and a reports view', () => {
    expect(decide('4a')).toMatchObject({ shape: 'no', eventSourcing: 'none' });
  });

  it('4b, the trading platform: yes, with event sourcing now', () => {
    expect(decide('4b')).toMatchObject({ shape: 'yes', eventSourcing: 'now' });
  });

  it('4c, the healthcare claims system: staged, outbox and projections first, event sourcing later', () => {
    expect(decide('4c')).toMatchObject({ shape: 'staged', eventSourcing: 'later' });
  });

  it('4d, the marketplace: partial, a relational write side with no event sourcing', () => {
    expect(decide('4d')).toMatchObject({ shape: 'partial', eventSourcing: 'none' });
  });

  it('4d projects listing search and the recently sold feed', () => {
    expect(decide('4d').projections).toEqual(expect.arrayContaining(['listing-search', 'recently-sold']));
  });
});
