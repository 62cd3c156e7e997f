import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { WindowPolicy } from './aggregator.ts';
import type { Aggregate, Level, Reading, Verdict } from './sensor-reading.ts';

/** A threshold rule: the mean of `metric` at `level` over windows of `windowMs` above `meanAbove`. */
export interface AlertRule {
  id: string;
  metric: string;
  level: Level;
  windowMs: number;
  meanAbove: number;
}

/** One window of one zone, floor or building in which a rule's threshold was crossed. */
export interface Breach {
  ruleId: string;
  tenant: string;
  level: Level;
  building: string;
  /** Absent at building level. */
  floor?: string;
  /** Absent at floor and building level. */
  zone?: string;
  windowStart: number;
  mean: number;
}

/**
 * The stream side of the platform: every delivery is kept in the retained log and aggregated
 * live. See the README, section Executable core.
 */
export class SensorPipeline {
  readonly policy: WindowPolicy;
  readonly clock: Pick<Clock, 'now'>;

  constructor(policy: WindowPolicy, clock: Pick<Clock, 'now'>) {
    this.policy = policy;
    this.clock = clock;
  }

  /** Retains the delivery, then aggregates it; says what became of it. */
  ingest(reading: Reading): Verdict {
    throw new Error(`TODO: retain and aggregate ${reading.readingId}`);
  }

  /** The live aggregates. */
  aggregates(): Aggregate[] {
    throw new Error('TODO: the live aggregates');
  }

  /** How many readings live processing counted, recognised as duplicates, or refused as too late. */
  counts(): { counted: number; duplicates: number; tooLate: number } {
    throw new Error('TODO: the counts');
  }

  /** The aggregates the retained log gives when replayed, in windows of `windowMs`, leaving live state as it is. */
  replay(windowMs = this.policy.windowMs): Aggregate[] {
    throw new Error(`TODO: replay the retained log in windows of ${windowMs} ms`);
  }

  /** Every breach of a new rule over the whole retained history. */
  addRule(rule: AlertRule): Breach[] {
    throw new Error(`TODO: evaluate ${rule.id} over the retained history`);
  }
}
