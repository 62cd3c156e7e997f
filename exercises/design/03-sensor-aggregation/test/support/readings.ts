import fc from 'fast-check';
import type { Aggregate, Level, Reading } from '../../src/sensor-reading.ts';

export const second = 1_000;
export const minute = 60_000;
/** 10:00:00.000 on a day in March 2026: a window boundary for windows of one minute and of five. */
export const start = Date.UTC(2026, 2, 2, 10, 0, 0);

/** A clock the test moves by hand: the time readings arrive, never the time they were measured. */
export class ArrivalClock {
  at = start;
  now(): Date {
    return new Date(this.at);
  }
}

let counter = 0;
/** One reading at `start + offsetMs`, in tenant acme, building b1, floor f1, zone z1, unless told otherwise. */
export function reading(offsetMs: number, value: number, where: Partial<Reading> = {}): Reading {
  return { readingId: `r${++counter}`, tenant: 'acme', building: 'b1', floor: 'f1', zone: 'z1', sensor: 's1', metric: 'co2', value, time: start + offsetMs, ...where };
}

/** The same list in one order, whatever order the code under test returns it in. */
export function sorted<T extends object>(items: readonly T[]): T[] {
  const key = (item: T) => JSON.stringify(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)));
  return [...items].sort((a, b) => key(a).localeCompare(key(b)));
}

/**
 * The readings a log of deliveries counts, decided one by one as the course decides them: a
 * reading more than `latenessMs` behind the newest counted one is refused, and a reading id
 * counts once.
 */
export function countedReadings(log: readonly Reading[], latenessMs: number): Reading[] {
  let newest = -Infinity;
  const seen = new Set<string>();
  const counted: Reading[] = [];
  for (const r of log) {
    if (r.time < newest - latenessMs || seen.has(r.readingId)) continue;
    seen.add(r.readingId);
    newest = Math.max(newest, r.time);
    counted.push(r);
  }
  return counted;
}

/** The course's answer by brute force: for every group of readings, sum, count, min and max. */
export function courseAggregates(readings: readonly Reading[], windowMs: number): Aggregate[] {
  const groups = new Map<string, { head: Omit<Aggregate, 'count' | 'sum' | 'min' | 'max'>; values: number[] }>();
  for (const r of readings) {
    const windowStart = Math.floor(r.time / windowMs) * windowMs;
    const heads: Omit<Aggregate, 'count' | 'sum' | 'min' | 'max'>[] = [
      { tenant: r.tenant, level: 'zone', building: r.building, floor: r.floor, zone: r.zone, metric: r.metric, windowStart },
      { tenant: r.tenant, level: 'floor', building: r.building, floor: r.floor, metric: r.metric, windowStart },
      { tenant: r.tenant, level: 'building', building: r.building, metric: r.metric, windowStart },
    ];
    for (const head of heads) {
      const key = JSON.stringify(head);
      const group = groups.get(key) ?? { head, values: [] };
      group.values.push(r.value);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ head, values }) => ({ ...head, count: values.length, sum: values.reduce((a, b) => a + b, 0), min: Math.min(...values), max: Math.max(...values) }));
}

export interface CourseRule {
  id: string;
  metric: string;
  level: Level;
  windowMs: number;
  meanAbove: number;
}

/** The course's answer for a rule over the past: every window of the counted readings whose mean is above the threshold. */
export function courseBreaches(rule: CourseRule, readings: readonly Reading[]) {
  return courseAggregates(readings, rule.windowMs)
    .filter((a) => a.level === rule.level && a.metric === rule.metric && a.sum / a.count > rule.meanAbove)
    .map(({ tenant, level, building, floor, zone, windowStart, sum, count }) => ({ ruleId: rule.id, tenant, level, building, ...(floor === undefined ? {} : { floor }), ...(zone === undefined ? {} : { zone }), windowStart, mean: sum / count }));
}

/** One delivery: the reading and when it arrives. */
export interface Delivery {
  reading: Reading;
  arrival: number;
}

/**
 * Readings of two tenants whose building, floor and zone ids collide, over twenty minutes,
 * each delivered once or twice, in an arrival order where no reading is more than
 * `latenessMs` behind the newest one before it: each arrives at its event time plus a delay
 * of at most the lateness. Values are whole numbers, so sums are exact in any order.
 */
export function deliveriesWithinLateness(latenessMs: number) {
  return fc
    .array(
      fc.record({
        tenant: fc.constantFrom('acme', 'globex'),
        floor: fc.constantFrom('f1', 'f2'),
        zone: fc.constantFrom('z1', 'z2', 'z3'),
        metric: fc.constantFrom('co2', 'temperature'),
        value: fc.integer({ min: 300, max: 1_600 }),
        offset: fc.integer({ min: 0, max: 20 * minute }),
        delay: fc.integer({ min: 0, max: latenessMs }),
        again: fc.option(fc.integer({ min: 0, max: latenessMs }), { freq: 4 }),
      }),
      { minLength: 1, maxLength: 60 },
    )
    .map((drawn): Delivery[] => {
      const deliveries = drawn.flatMap(({ tenant, floor, zone, metric, value, offset, delay, again }, i) => {
        const r: Reading = { readingId: `g${i}`, tenant, building: 'b1', floor, zone, sensor: `s${i}`, metric, value, time: start + offset };
        return again === null ? [{ reading: r, arrival: r.time + delay }] : [{ reading: r, arrival: r.time + delay }, { reading: r, arrival: r.time + again }];
      });
      return deliveries.sort((a, b) => a.arrival - b.arrival);
    });
}
