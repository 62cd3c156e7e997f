import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Aggregate, Reading, Verdict } from './sensor-reading.ts';

/** Tumbling windows of event time, and how far behind the newest reading one may still count. */
export interface WindowPolicy {
  windowMs: number;
  allowedLatenessMs: number;
}

export const oneMinuteWindows: WindowPolicy = { windowMs: 60_000, allowedLatenessMs: 60_000 };

/** Where aggregates are kept: the time-series store the dashboard reads, by a key of your choice. */
export type AggregateStore = Map<string, Aggregate>;

/**
 * Pre-aggregation per zone, floor and building over windows of event time, for every tenant
 * apart. See the README, section Executable core.
 */
export class Aggregator {
  readonly policy: WindowPolicy;
  /** Processing time: when a reading arrives. */
  readonly clock: Pick<Clock, 'now'>;
  readonly store: AggregateStore;

  /** Throws a RangeError naming the field when the policy cannot work (no window, a negative lateness). */
  constructor(policy: WindowPolicy, clock: Pick<Clock, 'now'>, store: AggregateStore = new Map()) {
    this.policy = policy;
    this.clock = clock;
    this.store = store;
  }

  /** Newest event time seen minus the allowed lateness: a reading older than this is too late. */
  get watermark(): number {
    throw new Error('TODO: the watermark');
  }

  /** Counts one reading into its windows, or says why not: a duplicate, or too late. */
  accept(reading: Reading): Verdict {
    throw new Error(`TODO: aggregate ${reading.readingId} into its zone, floor and building windows`);
  }

  /** Every aggregate: each zone, floor and building of each tenant, metric and window. */
  aggregates(): Aggregate[] {
    throw new Error('TODO: the aggregates');
  }

  /** How many readings were counted, recognised as duplicates, or refused as too late. */
  counts(): { counted: number; duplicates: number; tooLate: number } {
    throw new Error('TODO: the counts');
  }

  /** Entries held: one per stored aggregate, plus one per reading id remembered for deduplication. */
  size(): number {
    throw new Error('TODO: count the entries the aggregator holds');
  }
}
