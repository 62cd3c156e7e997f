import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Aggregate, Reading, Verdict } from './sensor-reading.ts';

/** Tumbling windows of event time, and how far behind the newest reading one may still count. */
export interface WindowPolicy {
  windowMs: number;
  allowedLatenessMs: number;
}

export const oneMinuteWindows: WindowPolicy = { windowMs: 60_000, allowedLatenessMs: 60_000 };

/** Where aggregates are kept: the time-series store the dashboard reads, by aggregate key. */
export type AggregateStore = Map<string, Aggregate>;

/** Checks a policy before anything is counted with it, so a bad one fails loudly, not later. */
function checkPolicy(policy: WindowPolicy): void {
  if (!Number.isInteger(policy.windowMs) || policy.windowMs <= 0) throw new RangeError(`windowMs must be a positive whole number of ms, got ${policy.windowMs}`);
  if (!Number.isFinite(policy.allowedLatenessMs) || policy.allowedLatenessMs < 0) throw new RangeError(`allowedLatenessMs must be a finite number of ms, 0 or more, got ${policy.allowedLatenessMs}`);
}

/**
 * Pre-aggregation over event-time windows. Only zone aggregates are stored, as sum, count,
 * min and max; a floor or a building is summed from its zones when asked, which costs a few
 * dozen entries, never the raw readings. The tenant is part of every key, because zone ids
 * repeat across tenants.
 */
export class Aggregator {
  #newest = -Infinity;
  #lastSweep = -Infinity;
  /** Reading ids still able to arrive again within the lateness, with their event time. */
  #seen = new Map<string, number>();
  #counts = { counted: 0, duplicates: 0, tooLate: 0 };

  readonly policy: WindowPolicy;
  /** Processing time, when a reading arrives. Windows never follow it: a replay runs at another time. */
  readonly clock: Pick<Clock, 'now'>;
  readonly store: AggregateStore;

  constructor(policy: WindowPolicy, clock: Pick<Clock, 'now'>, store: AggregateStore = new Map()) {
    checkPolicy(policy);
    this.policy = policy;
    this.clock = clock;
    this.store = store;
  }

  /** Newest event time seen minus the allowed lateness: a reading older than this is too late. */
  get watermark(): number {
    return this.#newest - this.policy.allowedLatenessMs;
  }

  accept(reading: Reading): Verdict {
    if (reading.time < this.watermark) {
      this.#counts.tooLate += 1;
      return 'too-late';
    }
    if (this.#seen.has(reading.readingId)) {
      this.#counts.duplicates += 1;
      return 'duplicate';
    }
    this.#seen.set(reading.readingId, reading.time);
    this.#newest = Math.max(this.#newest, reading.time);
    const windowStart = reading.time - (((reading.time % this.policy.windowMs) + this.policy.windowMs) % this.policy.windowMs);
    const key = JSON.stringify([reading.tenant, reading.building, reading.floor, reading.zone, reading.metric, windowStart]);
    const held = this.store.get(key);
    if (held === undefined) {
      const { tenant, building, floor, zone, metric, value } = reading;
      this.store.set(key, { tenant, level: 'zone', building, floor, zone, metric, windowStart, count: 1, sum: value, min: value, max: value });
    } else {
      held.count += 1;
      held.sum += reading.value;
      held.min = Math.min(held.min, reading.value);
      held.max = Math.max(held.max, reading.value);
    }
    this.#counts.counted += 1;
    if (this.watermark >= this.#lastSweep + this.policy.windowMs) this.#sweep();
    return 'counted';
  }

  /** A copy of a reading behind the watermark is refused as too late anyway: its id can go. */
  #sweep(): void {
    this.#lastSweep = this.watermark;
    for (const [id, time] of this.#seen) if (time < this.watermark) this.#seen.delete(id);
  }

  /** Every zone aggregate, and every floor and building summed from its zones. */
  aggregates(): Aggregate[] {
    const zones = [...this.store.values()].map((a) => ({ ...a }));
    const rolled = new Map<string, Aggregate>();
    for (const zone of zones) {
      const { tenant, building, floor, metric, windowStart } = zone;
      const parents: Aggregate[] = [
        { tenant, level: 'floor', building, floor, metric, windowStart, count: 0, sum: 0, min: Infinity, max: -Infinity },
        { tenant, level: 'building', building, metric, windowStart, count: 0, sum: 0, min: Infinity, max: -Infinity },
      ];
      for (const parent of parents) {
        const key = JSON.stringify([parent.tenant, parent.level, parent.building, parent.floor ?? null, parent.metric, parent.windowStart]);
        const into = rolled.get(key) ?? parent;
        rolled.set(key, into);
        // Sum over count of the readings themselves: a mean of zone means would weigh a zone of one sensor like a zone of fifty.
        into.count += zone.count;
        into.sum += zone.sum;
        into.min = Math.min(into.min, zone.min);
        into.max = Math.max(into.max, zone.max);
      }
    }
    return [...zones, ...rolled.values()];
  }

  /** How many readings were counted, recognised as duplicates, or refused as too late. */
  counts(): { counted: number; duplicates: number; tooLate: number } {
    return { ...this.#counts };
  }

  /** Entries held: one per stored aggregate, plus one per reading id remembered for deduplication. */
  size(): number {
    return this.store.size + this.#seen.size;
  }
}
