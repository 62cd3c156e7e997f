/** What a read side is for; the kind says whether a plain query over the write tables serves it. */
export type ReadSideKind =
  /** A form or list screen over the entities as they are stored. */
  | 'screen'
  /** A periodic or on-demand report. */
  | 'report'
  /** Free-text or faceted search, usually in a search engine. */
  | 'search'
  /** A live view that must follow writes within seconds. */
  | 'dashboard'
  /** Aggregates over history: analytics pipelines, fraud detection, risk models. */
  | 'analytics'
  /** A stream of recent changes shown to users as they happen. */
  | 'feed';

export interface ReadSide {
  /** Unique within a scenario, e.g. `listing-search`; projections are named by it. */
  name: string;
  kind: ReadSideKind;
}

/** One bounded context to decide about, described by the traits that move the decision. */
export interface Scenario {
  team: {
    engineers: number;
    /** Whether the team has run an event-sourced system in production before. */
    eventSourcingExperience: boolean;
  };
  /** `complex`: rules that must hold on every write (no oversell, adjudication); `simple`: CRUD checks. */
  writeInvariants: 'simple' | 'complex';
  readSides: ReadSide[];
  /** `true` when an auditor or regulator must be able to replay who changed what, and when. */
  auditRequired: boolean;
  /** What the organisation already runs in production. */
  infrastructure: {
    broker: boolean;
    eventStore: boolean;
  };
}

/** The trait names a decision can give as its reason; a defense names its trait in words. */
export type Trait = 'team' | 'invariants' | 'read-sides' | 'audit' | 'infrastructure';

/**
 * The four calls, from least to most separation (see the README's scale):
 * - `no`: one model; reports read a view of the same database;
 * - `partial`: the write side stays relational, some read sides get projections;
 * - `staged`: reads and writes split now (outbox and projections), event sourcing later;
 * - `yes`: reads and writes split, with event sourcing on the write side.
 */
export type CqrsShape = 'no' | 'partial' | 'staged' | 'yes';

export interface CqrsDecision {
  shape: CqrsShape;
  /** When the write side becomes an append-only log: never, once the team is ready, or now. */
  eventSourcing: 'none' | 'later' | 'now';
  /** Names of the scenario's read sides that are served by projections, not by the write tables. */
  projections: string[];
  /** The trait that settled the call; the defense in answers.md names it. */
  decidingTrait: Trait;
}
