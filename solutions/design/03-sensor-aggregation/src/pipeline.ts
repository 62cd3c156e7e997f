import type { Clock } from '#graders/testkit/contracts/clock.ts';
import { Aggregator, type AggregateStore, type WindowPolicy } from './aggregator.ts';
import { meanOf, type Aggregate, type Level, type Reading, type Verdict } from './sensor-reading.ts';

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
  floor?: string;
  zone?: string;
  windowStart: number;
  mean: number;
}

/** The windows among `aggregates` that breach `rule`. */
export function breachesOf(rule: AlertRule, aggregates: readonly Aggregate[]): Breach[] {
  return aggregates
    .filter((a) => a.level === rule.level && a.metric === rule.metric && meanOf(a) > rule.meanAbove)
    .map(({ tenant, level, building, floor, zone, windowStart, sum, count }) => ({ ruleId: rule.id, tenant, level, building, ...(floor === undefined ? {} : { floor }), ...(zone === undefined ? {} : { zone }), windowStart, mean: sum / count }));
}

/**
 * The stream side of the platform: every delivery is appended to the retained log, then
 * aggregated live. The log is the truth: replaying it in its order through a fresh
 * aggregator makes the same decisions (event-time windows, the same watermark), so it gives
 * the live aggregates again, or the history under a rule written today.
 */
export class SensorPipeline {
  #log: Reading[] = [];
  #store: AggregateStore = new Map();
  #live: Aggregator;

  readonly policy: WindowPolicy;
  readonly clock: Pick<Clock, 'now'>;

  constructor(policy: WindowPolicy, clock: Pick<Clock, 'now'>) {
    this.policy = policy;
    this.clock = clock;
    this.#live = new Aggregator(policy, clock, this.#store);
  }

  /** Retains the delivery, then aggregates it; says what became of it. */
  ingest(reading: Reading): Verdict {
    this.#log.push(reading);
    return this.#live.accept(reading);
  }

  /** The live aggregates. */
  aggregates(): Aggregate[] {
    return this.#live.aggregates();
  }

  counts(): { counted: number; duplicates: number; tooLate: number } {
    return this.#live.counts();
  }

  /** The aggregates the retained log gives when replayed, in windows of `windowMs`; live state untouched. */
  replay(windowMs = this.policy.windowMs): Aggregate[] {
    const fresh = new Aggregator({ ...this.policy, windowMs }, this.clock, new Map());
    for (const reading of this.#log) fresh.accept(reading);
    return fresh.aggregates();
  }

  /** Every breach of a new rule over the whole retained history, found by replaying the log. */
  addRule(rule: AlertRule): Breach[] {
    return breachesOf(rule, this.replay(rule.windowMs));
  }
}
