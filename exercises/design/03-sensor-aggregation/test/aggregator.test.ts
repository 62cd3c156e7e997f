import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { Aggregator, oneMinuteWindows } from '../src/aggregator.ts';
import type { Reading } from '../src/sensor-reading.ts';
import { ArrivalClock, countedReadings, courseAggregates, deliveriesWithinLateness, minute, reading, second, sorted, start, type Delivery } from './support/readings.ts';

/** Delivers each reading at its arrival time (the clock moves to it first); returns what the aggregator said. */
function aggregate(deliveries: readonly Delivery[]) {
  const clock = new ArrivalClock();
  const aggregator = new Aggregator(oneMinuteWindows, clock);
  const verdicts = deliveries.map(({ reading: r, arrival }) => {
    clock.at = arrival;
    return aggregator.accept(r);
  });
  return { aggregator, verdicts };
}

/** Readings that arrive the moment they are measured, in this order. */
const onTime = (readings: readonly Reading[]) => readings.map((r) => ({ reading: r, arrival: r.time }));

const zoneOf = (list: ReturnType<Aggregator['aggregates']>, level: string, windowStart = start) => list.filter((a) => a.level === level && a.windowStart === windowStart);

describe('the aggregator (one-minute windows of event time, one minute of lateness)', () => {
  it('aggregates a zone, its floor and its building per window: count, sum, min and max', () => {
    const { aggregator } = aggregate(onTime([reading(0, 400), reading(10 * second, 600, { zone: 'z2' }), reading(20 * second, 800)]));
    expect(sorted(aggregator.aggregates())).toEqual(
      sorted([
        { tenant: 'acme', level: 'zone', building: 'b1', floor: 'f1', zone: 'z1', metric: 'co2', windowStart: start, count: 2, sum: 1_200, min: 400, max: 800 },
        { tenant: 'acme', level: 'zone', building: 'b1', floor: 'f1', zone: 'z2', metric: 'co2', windowStart: start, count: 1, sum: 600, min: 600, max: 600 },
        { tenant: 'acme', level: 'floor', building: 'b1', floor: 'f1', metric: 'co2', windowStart: start, count: 3, sum: 1_800, min: 400, max: 800 },
        { tenant: 'acme', level: 'building', building: 'b1', metric: 'co2', windowStart: start, count: 3, sum: 1_800, min: 400, max: 800 },
      ]),
    );
  });

  it('windows a reading by when it was measured, not when it arrived: measured 10:00:50, arriving 10:01:20', () => {
    const { aggregator } = aggregate([{ reading: reading(50 * second, 900), arrival: start + 80 * second }]);
    expect(zoneOf(aggregator.aggregates(), 'zone').map((a) => a.count)).toEqual([1]);
    expect(zoneOf(aggregator.aggregates(), 'zone', start + minute)).toEqual([]);
  });

  it('puts a reading measured at exactly 10:01:00.000 in the 10:01 window and one at 10:00:59.999 in the 10:00 window', () => {
    const { aggregator } = aggregate(onTime([reading(minute - 1, 500), reading(minute, 700)]));
    expect(zoneOf(aggregator.aggregates(), 'zone', start).map((a) => a.sum)).toEqual([500]);
    expect(zoneOf(aggregator.aggregates(), 'zone', start + minute).map((a) => a.sum)).toEqual([700]);
  });

  it('gives a floor the sum and count of all its readings, not the mean of its zones\' means', () => {
    // z1: three readings of 400; z2: one of 1,200. The floor's mean is 2,400 / 4 = 600; a mean of the zone means would say 800.
    const { aggregator } = aggregate(onTime([reading(0, 400), reading(10 * second, 400), reading(20 * second, 400), reading(30 * second, 1_200, { zone: 'z2' })]));
    const [floor] = zoneOf(aggregator.aggregates(), 'floor');
    const [building] = zoneOf(aggregator.aggregates(), 'building');
    expect({ count: floor?.count, sum: floor?.sum }).toEqual({ count: 4, sum: 2_400 });
    expect({ count: building?.count, sum: building?.sum }).toEqual({ count: 4, sum: 2_400 });
  });

  it('keeps tenants apart: two tenants with the same building, floor and zone ids get aggregates of their own', () => {
    const { aggregator } = aggregate(onTime([reading(0, 400, { tenant: 'acme' }), reading(5 * second, 1_500, { tenant: 'globex' }), reading(10 * second, 600, { tenant: 'acme' })]));
    const zones = zoneOf(aggregator.aggregates(), 'zone');
    expect(sorted(zones.map(({ tenant, count, sum, max }) => ({ tenant, count, sum, max })))).toEqual(sorted([{ tenant: 'acme', count: 2, sum: 1_000, max: 600 }, { tenant: 'globex', count: 1, sum: 1_500, max: 1_500 }]));
    expect(zoneOf(aggregator.aggregates(), 'building').map((a) => a.tenant).sort()).toEqual(['acme', 'globex']);
  });

  it('counts a redelivered reading once and says it is a duplicate', () => {
    const first = reading(0, 900);
    const { aggregator, verdicts } = aggregate([{ reading: first, arrival: start }, { reading: reading(10 * second, 500), arrival: start + 10 * second }, { reading: first, arrival: start + 15 * second }]);
    expect(verdicts).toEqual(['counted', 'counted', 'duplicate']);
    expect(zoneOf(aggregator.aggregates(), 'zone').map((a) => ({ count: a.count, sum: a.sum }))).toEqual([{ count: 2, sum: 1_400 }]);
    expect(aggregator.counts()).toEqual({ counted: 2, duplicates: 1, tooLate: 0 });
  });

  it('counts a reading that arrives 50 s behind the newest one, within the minute of lateness, in its own window', () => {
    const { aggregator, verdicts } = aggregate([{ reading: reading(70 * second, 500), arrival: start + 70 * second }, { reading: reading(20 * second, 800), arrival: start + 71 * second }]);
    expect(verdicts).toEqual(['counted', 'counted']);
    expect(zoneOf(aggregator.aggregates(), 'zone', start).map((a) => a.sum)).toEqual([800]);
  });

  it('refuses a reading more than a minute behind the newest one, says too-late and counts it as refused', () => {
    const { aggregator, verdicts } = aggregate([{ reading: reading(3 * minute, 500), arrival: start + 3 * minute }, { reading: reading(minute + 59 * second, 1_400), arrival: start + 3 * minute + second }]);
    expect(verdicts).toEqual(['counted', 'too-late']);
    expect(zoneOf(aggregator.aggregates(), 'zone', start + minute)).toEqual([]);
    expect(aggregator.counts()).toEqual({ counted: 1, duplicates: 0, tooLate: 1 });
    expect(aggregator.watermark).toBe(start + 2 * minute);
  });

  it('keeps state by window, not by reading: 10,800 readings over ten hours leave under 5,000 entries', () => {
    // Three zones of one floor, a reading each every 10 s: 600 windows x 3 zones is 1,800 zone
    // aggregates (3,000 with floors and buildings stored too), plus the ids a minute of lateness
    // keeps. Kept raw, it would be 10,800 readings and as many ids.
    const readings = Array.from({ length: 10_800 }, (_, i) => reading(Math.floor(i / 3) * 10 * second, 400 + (i % 7), { zone: `z${i % 3}`, sensor: `s${i % 3}` }));
    const { aggregator } = aggregate(onTime(readings));
    expect(aggregator.size()).toBeLessThan(5_000);
    expect(aggregator.counts().counted).toBe(10_800);
  });

  it('rejects a window policy with no window or a negative lateness, naming the field', () => {
    expect(() => new Aggregator({ windowMs: 0, allowedLatenessMs: minute }, new ArrivalClock())).toThrow(/windowMs/);
    expect(() => new Aggregator({ windowMs: minute, allowedLatenessMs: -1 }, new ArrivalClock())).toThrow(/allowedLatenessMs/);
  });

  it('gives the course\'s aggregates for readings of two tenants in any arrival order within the lateness, redeliveries included', async () => {
    await assertProperty(
      fc.property(deliveriesWithinLateness(oneMinuteWindows.allowedLatenessMs), (deliveries) => {
        const { aggregator, verdicts } = aggregate(deliveries);
        expect(verdicts.filter((v) => v === 'too-late')).toEqual([]);
        const distinct = countedReadings(deliveries.map((d) => d.reading), oneMinuteWindows.allowedLatenessMs);
        expect(verdicts.filter((v) => v === 'counted')).toHaveLength(distinct.length);
        expect(sorted(aggregator.aggregates())).toEqual(sorted(courseAggregates(distinct, oneMinuteWindows.windowMs)));
      }),
      { numRuns: 150 },
    );
  });
});
