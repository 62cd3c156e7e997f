import type { CqrsDecision, ReadSide, Scenario } from './scenario.ts';

/** Below this, a team cannot staff a write model, a projection pipeline and an event log at once. */
const smallestTeamForSplit = 10;

/** Screens and reports read the write tables well; every other kind wants a model of its own. */
const needsProjection = (side: ReadSide): boolean => side.kind !== 'screen' && side.kind !== 'report';

/**
 * The CQRS call for one scenario, from its traits alone.
 *
 * Event sourcing is wanted only when the history itself matters twice over: an audit duty
 * and hard write-side invariants. A small team never takes on the full split, and a team
 * without event-sourcing experience or an event store gets it staged.
 */
export function decideCqrs(scenario: Scenario): CqrsDecision {
  const { team, writeInvariants, readSides, auditRequired, infrastructure } = scenario;
  const specialised = readSides.filter(needsProjection).map((side) => side.name);
  const historyMatters = auditRequired && writeInvariants === 'complex';
  const smallTeam = team.engineers < smallestTeamForSplit;

  if (historyMatters && !smallTeam) {
    const allProjected = readSides.map((side) => side.name);
    return team.eventSourcingExperience || infrastructure.eventStore
      ? { shape: 'yes', eventSourcing: 'now', projections: allProjected, decidingTrait: 'infrastructure' }
      : { shape: 'staged', eventSourcing: 'later', projections: allProjected, decidingTrait: 'team' };
  }
  const reason = historyMatters ? 'team' : 'read-sides';
  return specialised.length > 0
    ? { shape: 'partial', eventSourcing: 'none', projections: specialised, decidingTrait: reason }
    : { shape: 'no', eventSourcing: 'none', projections: [], decidingTrait: reason };
}
