import type { Clock } from '#graders/testkit/contracts/clock.ts';
import { levels, type Aggregate, type Level, type Reading, type Verdict } from './sensor-reading.ts';

/** Tumbling windows of event time, and how far behind the newest reading one may still count. */
export interface WindowPolicy {
  windowMs: number;
  allowedLatenessMs: number;
}

export const oneMinuteWindows: WindowPolicy = { windowMs: 60_000, allowedLatenessMs: 60_000 };

/** Where aggregates are kept: the time-series store the dashboard reads, by aggregate key. */
export type AggregateStore = Map<string, Aggregate>;

/** The place an aggregate of `level` covers: the tenant always, then as much of the location as the level has. */
function placeOf(reading: Reading, level: Level): Pick<Aggregate, 'tenant' | 'building' | 'floor' | 'zone'> {
  const { tenant, building, floor, zone } = reading;
  if (level === 'zone') return { tenant, building, floor, zone };
  if (level === 'floor') return { tenant, building, floor };
  return { tenant, building };
}

/**
 * A second correct design: every reading updates its zone, its floor and its building as it
 * arrives, so a query reads stored rows and sums nothing. It stores three times as many
 * aggregates as the reference, which sums floors and buildings from zones when asked. Seen
 * ids are kept in one bucket per window of event time, and whole buckets go once the
 * watermark passes them.
 */
export class Aggregator {
  #newest = -Infinity;
  #seenByWindow = new Map<number, Set<string>>();
  #counted = 0;
  #duplicates = 0;
  #tooLate = 0;

  readonly policy: WindowPolicy;
  readonly clock: Pick<Clock, 'now'>;
  readonly store: AggregateStore;

  constructor(policy: WindowPolicy, clock: Pick<Clock, 'now'>, store: AggregateStore = new Map()) {
    if (!(Number.isSafeInteger(policy.windowMs) && policy.windowMs > 0)) throw new RangeError(`policy.windowMs must be a positive whole number of milliseconds (got ${policy.windowMs})`);
    if (!(policy.allowedLatenessMs >= 0 && Number.isFinite(policy.allowedLatenessMs))) throw new RangeError(`policy.allowedLatenessMs must be 0 or more milliseconds (got ${policy.allowedLatenessMs})`);
    this.policy = policy;
    this.clock = clock;
    this.store = store;
  }

  get watermark(): number {
    return this.#newest - this.policy.allowedLatenessMs;
  }

  accept(reading: Reading): Verdict {
    if (reading.time < this.watermark) {
      this.#tooLate += 1;
      return 'too-late';
    }
    const windowStart = Math.floor(reading.time / this.policy.windowMs) * this.policy.windowMs;
    const bucket = this.#seenByWindow.get(windowStart) ?? new Set<string>();
    if (bucket.has(reading.readingId)) {
      this.#duplicates += 1;
      return 'duplicate';
    }
    bucket.add(reading.readingId);
    this.#seenByWindow.set(windowStart, bucket);
    this.#newest = Math.max(this.#newest, reading.time);
    for (const level of levels) {
      const place = placeOf(reading, level);
      const key = JSON.stringify({ level, ...place, metric: reading.metric, windowStart });
      const held = this.store.get(key) ?? { ...place, level, metric: reading.metric, windowStart, count: 0, sum: 0, min: Infinity, max: -Infinity };
      held.count += 1;
      held.sum += reading.value;
      held.min = Math.min(held.min, reading.value);
      held.max = Math.max(held.max, reading.value);
      this.store.set(key, held);
    }
    this.#counted += 1;
    // A bucket whose whole window is behind the watermark can only meet too-late copies.
    for (const start of this.#seenByWindow.keys()) if (start + this.policy.windowMs <= this.watermark) this.#seenByWindow.delete(start);
    return 'counted';
  }

  aggregates(): Aggregate[] {
    return [...this.store.values()].map((a) => ({ ...a }));
  }

  counts(): { counted: number; duplicates: number; tooLate: number } {
    return { counted: this.#counted, duplicates: this.#duplicates, tooLate: this.#tooLate };
  }

  size(): number {
    let ids = 0;
    for (const bucket of this.#seenByWindow.values()) ids += bucket.size;
    return this.store.size + ids;
  }
}
