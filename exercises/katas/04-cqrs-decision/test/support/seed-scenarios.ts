import type { Scenario } from '../../src/scenario.ts';

/** The kata's four scenarios as traits. Facts the story leaves open are marked where they are set. */
export const seedScenarios = {
  /** Internal HR portal: twelve CRUD entities, plain screens, audit only nice to have. */
  '4a': {
    team: { engineers: 5, eventSourcingExperience: false },
    writeInvariants: 'simple',
    readSides: [
      { name: 'employee-screen', kind: 'screen' },
      { name: 'time-off-screen', kind: 'screen' },
      { name: 'compensation-screen', kind: 'screen' },
      { name: 'reports-page', kind: 'report' },
    ],
    auditRequired: false,
    infrastructure: { broker: false, eventStore: false },
  },
  /** Trading platform: no oversell, margin checks, four demanding read sides, Kafka and an event store. */
  '4b': {
    // Running an event store in production is taken as the team's event-sourcing experience.
    team: { engineers: 40, eventSourcingExperience: true },
    writeInvariants: 'complex',
    readSides: [
      { name: 'live-positions', kind: 'dashboard' },
      { name: 'instrument-search', kind: 'search' },
      { name: 'daily-analytics', kind: 'analytics' },
      { name: 'regulatory-risk-reports', kind: 'report' },
    ],
    // A platform that owes regulators risk reports owes them the trail behind the numbers.
    auditRequired: true,
    infrastructure: { broker: true, eventStore: true },
  },
  /** Healthcare claims: regulatory audit, adjudication rules, a team new to event sourcing. */
  '4c': {
    team: { engineers: 15, eventSourcingExperience: false },
    writeInvariants: 'complex',
    readSides: [
      { name: 'provider-dashboards', kind: 'dashboard' },
      { name: 'fraud-detection', kind: 'analytics' },
      { name: 'reimbursement-analytics', kind: 'analytics' },
    ],
    auditRequired: true,
    infrastructure: { broker: false, eventStore: false },
  },
  /** Marketplace: validated listings at hundreds per second, search, category pages, a sold feed. */
  '4d': {
    team: { engineers: 25, eventSourcingExperience: false },
    writeInvariants: 'complex',
    readSides: [
      { name: 'listing-search', kind: 'search' },
      { name: 'category-pages', kind: 'screen' },
      { name: 'recently-sold', kind: 'feed' },
    ],
    auditRequired: false,
    // Event-driven in production: a broker, but no event store.
    infrastructure: { broker: true, eventStore: false },
  },
} satisfies Record<string, Scenario>;

export type ScenarioId = keyof typeof seedScenarios;
export const scenarioIds = Object.keys(seedScenarios) as ScenarioId[];

/** A scenario with one group of traits replaced, as the kata's variants do between runs. */
export function withTraits(id: ScenarioId, change: Partial<Scenario>): Scenario {
  return structuredClone({ ...seedScenarios[id], ...change });
}
