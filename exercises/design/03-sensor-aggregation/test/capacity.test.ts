import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { aggregateTerabytes, ingestRate, monthlyCost, partitionsNeeded, rawTerabytes, storedTerabytes, type Tier } from '../src/capacity.ts';
import { course, seedFleet, seedRollup } from './support/course-capacity-model.ts';

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

// Sensors a whole multiple of the interval, so readings per second are whole and the partition
// count does not hang on how a learner orders a division.
const aFleet = fc
  .record({ perSecond: fc.integer({ min: 1, max: 500_000 }), intervalSeconds: fc.constantFrom(1, 5, 10, 30, 60, 300), bytesPerReading: fc.integer({ min: 50, max: 5_000 }), burstFactor: fc.integer({ min: 1, max: 10 }) })
  .map(({ perSecond, intervalSeconds, bytesPerReading, burstFactor }) => ({ sensors: perSecond * intervalSeconds, intervalSeconds, bytesPerReading, burstFactor }));
const aRollup = fc.record({ series: fc.integer({ min: 1, max: 1_000_000 }), windowSeconds: fc.constantFrom(10, 60, 300, 3_600), bytesPerAggregate: fc.integer({ min: 20, max: 500 }) });
const aTier = fc.record({
  name: fc.constantFrom('hot', 'warm', 'cold'),
  keeps: fc.constantFrom<'raw' | 'aggregates'>('raw', 'aggregates'),
  days: fc.integer({ min: 1, max: 3_650 }),
  compression: fc.constantFrom(1, 2, 4, 10),
  replicas: fc.integer({ min: 1, max: 3 }),
  dollarsPerGbMonth: fc.constantFrom(0.004, 0.023, 0.08, 0.1),
});

describe('the capacity model on the kata\'s own figures', () => {
  it('takes in 50,000 readings/s (10 MB/s) sustained and 150,000 readings/s (30 MB/s) at a 3x burst', () => {
    expect(ingestRate(seedFleet)).toEqual({ sustainedReadingsPerSecond: 50_000, burstReadingsPerSecond: 150_000, sustainedBytesPerSecond: 10_000_000, burstBytesPerSecond: 30_000_000 });
  });

  it('keeps 630.72 TB of raw readings in two years and 2,207.52 TB in seven', () => {
    close(rawTerabytes(seedFleet, 730), 630.72);
    close(rawTerabytes(seedFleet, 2_555), 2_207.52);
  });

  it('keeps about 16 TB of one-minute aggregates in two years, about 39 times less than raw', () => {
    close(aggregateTerabytes(seedRollup, 730), 16.0308);
    expect(rawTerabytes(seedFleet, 730) / aggregateTerabytes(seedRollup, 730)).toBeGreaterThan(39);
  });

  it('counts a tier by what it keeps: raw readings or aggregates, compressed, times its replicas', () => {
    const hotAggregates: Tier = { name: 'hot', keeps: 'aggregates', days: 730, compression: 1, replicas: 2, dollarsPerGbMonth: 0.1 };
    const coldRaw: Tier = { name: 'cold', keeps: 'raw', days: 2_555, compression: 10, replicas: 1, dollarsPerGbMonth: 0.023 };
    close(storedTerabytes(seedFleet, seedRollup, hotAggregates), 32.0616);
    close(storedTerabytes(seedFleet, seedRollup, coldRaw), 220.752);
  });

  it('needs 15 partitions for the 150,000 readings/s burst at 10,000 readings/s per partition, and 16 at 9,999', () => {
    expect(partitionsNeeded(seedFleet, 10_000)).toBe(15);
    expect(partitionsNeeded(seedFleet, 9_999)).toBe(16);
  });

  it('finds two years of raw readings, kept once uncompressed at $0.08 per GB-month, over the $20,000 budget on their own', () => {
    const rawHot: Tier = { name: 'hot', keeps: 'raw', days: 730, compression: 1, replicas: 1, dollarsPerGbMonth: 0.08 };
    const bill = monthlyCost(seedFleet, seedRollup, [rawHot], 0, 20_000);
    close(bill.storageDollars, 50_457.6);
    expect(bill.withinBudget).toBe(false);
  });

  it('adds compute to storage and is within budget when the total equals the budget exactly', () => {
    const hot: Tier = { name: 'hot', keeps: 'aggregates', days: 730, compression: 1, replicas: 2, dollarsPerGbMonth: 0.1 };
    const storage = course.storageDollars(seedFleet, seedRollup, [hot]);
    const bill = monthlyCost(seedFleet, seedRollup, [hot], 20_000 - storage, 20_000);
    close(bill.totalDollars, 20_000);
    expect(bill.withinBudget).toBe(true);
  });
});

describe('the capacity model against the course\'s on generated fleets', () => {
  it('agrees on ingest rates, raw and aggregate terabytes, stored terabytes, partitions and the monthly bill', async () => {
    await assertProperty(
      fc.property(aFleet, aRollup, fc.array(aTier, { minLength: 1, maxLength: 3 }), fc.integer({ min: 100, max: 50_000 }), fc.integer({ min: 0, max: 100_000 }), (fleet, rollup, tiers, perPartition, compute) => {
        const rate = ingestRate(fleet);
        close(rate.sustainedReadingsPerSecond, course.sustainedReadingsPerSecond(fleet));
        close(rate.burstReadingsPerSecond, course.burstReadingsPerSecond(fleet));
        close(rate.sustainedBytesPerSecond, course.sustainedBytesPerSecond(fleet));
        close(rate.burstBytesPerSecond, course.burstBytesPerSecond(fleet));
        for (const tier of tiers) {
          close(rawTerabytes(fleet, tier.days), course.rawTerabytes(fleet, tier.days));
          close(aggregateTerabytes(rollup, tier.days), course.aggregateTerabytes(rollup, tier.days));
          close(storedTerabytes(fleet, rollup, tier), course.storedTerabytes(fleet, rollup, tier));
        }
        expect(partitionsNeeded(fleet, perPartition)).toBe(course.partitions(fleet, perPartition));
        const storage = course.storageDollars(fleet, rollup, tiers);
        const bill = monthlyCost(fleet, rollup, tiers, compute, storage + compute);
        close(bill.storageDollars, storage);
        close(bill.totalDollars, storage + compute);
        expect(monthlyCost(fleet, rollup, tiers, compute, (storage + compute) * 0.99).withinBudget).toBe(false);
      }),
    );
  });
});
