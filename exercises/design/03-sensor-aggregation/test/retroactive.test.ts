import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { oneMinuteWindows } from '../src/aggregator.ts';
import { SensorPipeline, type AlertRule } from '../src/pipeline.ts';
import { ArrivalClock, countedReadings, courseAggregates, courseBreaches, deliveriesWithinLateness, minute, reading, second, sorted, start, type Delivery } from './support/readings.ts';

/** Ingests each delivery at its arrival time; returns the pipeline, its clock and the verdicts. */
function ingest(deliveries: readonly Delivery[]) {
  const clock = new ArrivalClock();
  const pipeline = new SensorPipeline(oneMinuteWindows, clock);
  const verdicts = deliveries.map(({ reading: r, arrival }) => {
    clock.at = arrival;
    return pipeline.ingest(r);
  });
  return { pipeline, clock, verdicts };
}

const co2Zone: AlertRule = { id: 'co2-zone', metric: 'co2', level: 'zone', windowMs: minute, meanAbove: 1_000 };

/** Two hours of one zone's CO2, a reading a minute, above 1,000 ppm only from 10:30 to 10:32. */
const twoHours = () =>
  Array.from({ length: 120 }, (_, i) => reading(i * minute + 5 * second, i >= 30 && i < 33 ? 1_250 : 650)).map((r) => ({ reading: r, arrival: r.time + 2 * second }));

describe('the retained log: replay and rules written after the fact', () => {
  it('finds the breaches of a rule added today in the history: CO2 above 1,000 ppm from 10:30 to 10:32', () => {
    const { pipeline, clock } = ingest(twoHours());
    clock.at = start + 3 * 60 * minute;
    const breaches = pipeline.addRule(co2Zone);
    expect([...breaches].sort((a, b) => a.windowStart - b.windowStart).map((b) => ({ ruleId: b.ruleId, tenant: b.tenant, zone: b.zone, windowStart: b.windowStart, mean: b.mean }))).toEqual([30, 31, 32].map((m) => ({ ruleId: 'co2-zone', tenant: 'acme', zone: 'z1', windowStart: start + m * minute, mean: 1_250 })));
  });

  it('leaves the live aggregates as they were when it replays the log, and the replay gives the same aggregates', () => {
    const { pipeline } = ingest(twoHours());
    const before = sorted(pipeline.aggregates());
    pipeline.addRule(co2Zone);
    const replayed = sorted(pipeline.replay());
    expect(sorted(pipeline.aggregates())).toEqual(before);
    expect(replayed).toEqual(before);
    expect(pipeline.counts()).toEqual({ counted: 120, duplicates: 0, tooLate: 0 });
  });

  it('replays, hours later, a log where a reading arrived late, one too late and one twice, to the same aggregates as live', () => {
    const late = reading(20 * second, 1_100);
    const tooLate = reading(10 * second, 1_500);
    const twice = reading(70 * second, 700);
    const deliveries: Delivery[] = [
      { reading: reading(0, 600), arrival: start },
      { reading: twice, arrival: start + 70 * second },
      { reading: late, arrival: start + 75 * second },
      { reading: twice, arrival: start + 76 * second },
      { reading: reading(3 * minute, 500), arrival: start + 3 * minute },
      { reading: tooLate, arrival: start + 3 * minute + second },
    ];
    const { pipeline, clock, verdicts } = ingest(deliveries);
    expect(verdicts).toEqual(['counted', 'counted', 'counted', 'duplicate', 'counted', 'too-late']);
    clock.at = start + 5 * 60 * minute;
    expect(sorted(pipeline.replay())).toEqual(sorted(pipeline.aggregates()));
    expect(pipeline.aggregates().filter((a) => a.level === 'zone' && a.windowStart === start).map((a) => ({ count: a.count, sum: a.sum }))).toEqual([{ count: 2, sum: 1_700 }]);
  });

  it('evaluates a rule over five-minute windows of the past at floor level, from the log', () => {
    // Floor f1, 10:00 to 10:05: z1 reads 1,400 once, z2 reads 800 twice. Mean 1,000: not above. 10:05 to 10:10: z1 reads 1,300, z2 800: mean 1,050.
    const readings = [reading(0, 1_400), reading(minute, 800, { zone: 'z2' }), reading(2 * minute, 800, { zone: 'z2' }), reading(6 * minute, 1_300), reading(7 * minute, 800, { zone: 'z2' })];
    const { pipeline } = ingest(readings.map((r) => ({ reading: r, arrival: r.time })));
    const rule: AlertRule = { id: 'co2-floor-5m', metric: 'co2', level: 'floor', windowMs: 5 * minute, meanAbove: 1_000 };
    expect(pipeline.addRule(rule)).toEqual([{ ruleId: 'co2-floor-5m', tenant: 'acme', level: 'floor', building: 'b1', floor: 'f1', windowStart: start + 5 * minute, mean: 1_050 }]);
  });

  it('replay gives the live aggregates, and both the course\'s, for any arrival order within the lateness', async () => {
    await assertProperty(
      fc.property(deliveriesWithinLateness(oneMinuteWindows.allowedLatenessMs), fc.integer({ min: 1, max: 48 }), (deliveries, hoursLater) => {
        const { pipeline, clock } = ingest(deliveries);
        const live = sorted(pipeline.aggregates());
        expect(live).toEqual(sorted(courseAggregates(countedReadings(deliveries.map((d) => d.reading), oneMinuteWindows.allowedLatenessMs), oneMinuteWindows.windowMs)));
        clock.at += hoursLater * 60 * minute;
        expect(sorted(pipeline.replay())).toEqual(live);
        expect(sorted(pipeline.aggregates())).toEqual(live);
      }),
      { numRuns: 120 },
    );
  });

  it('a new rule over the past finds exactly the breaches of the course\'s brute-force answer', async () => {
    const aRule = fc.record({
      id: fc.constant('generated'),
      metric: fc.constantFrom('co2', 'temperature'),
      level: fc.constantFrom<AlertRule['level']>('zone', 'floor', 'building'),
      windowMs: fc.constantFrom(minute, 5 * minute, 15 * minute),
      meanAbove: fc.integer({ min: 300, max: 1_600 }),
    });
    await assertProperty(
      fc.property(deliveriesWithinLateness(oneMinuteWindows.allowedLatenessMs), aRule, (deliveries, rule) => {
        const { pipeline, clock } = ingest(deliveries);
        clock.at += 24 * 60 * minute;
        const counted = countedReadings(deliveries.map((d) => d.reading), oneMinuteWindows.allowedLatenessMs);
        expect(sorted(pipeline.addRule(rule))).toEqual(sorted(courseBreaches(rule, counted)));
      }),
      { numRuns: 120 },
    );
  });
});
