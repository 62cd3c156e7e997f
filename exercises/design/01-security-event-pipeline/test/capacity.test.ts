import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { monthlyCost, partitionsNeeded, rawTerabytes, storedTerabytes, throughput, type Tier } from '../src/capacity.ts';
import { course, seedWorkload } from './support/course-capacity-model.ts';

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

const aWorkload = fc
  .record({ sustained: fc.integer({ min: 1, max: 2_000_000 }), burstFactor: fc.integer({ min: 1, max: 10 }), bytes: fc.integer({ min: 100, max: 20_000 }) })
  .map(({ sustained, burstFactor, bytes }) => ({ sustainedEventsPerSecond: sustained, burstEventsPerSecond: sustained * burstFactor, bytesPerEvent: bytes }));
const aTier = fc.record({
  name: fc.constantFrom('hot', 'warm', 'cold'),
  days: fc.integer({ min: 1, max: 3_650 }),
  compression: fc.constantFrom(1, 2, 4, 8, 10),
  replicas: fc.integer({ min: 1, max: 3 }),
  dollarsPerGbMonth: fc.constantFrom(0.004, 0.023, 0.08, 0.125),
});

describe('the capacity model on the kata\'s own figures', () => {
  it('takes in 200 MB/s at the burst and 50 MB/s sustained', () => {
    expect(throughput(seedWorkload)).toEqual({ sustainedBytesPerSecond: 50_000_000, burstBytesPerSecond: 200_000_000 });
  });

  it('keeps 388.8 TB raw for 90 days hot and 1,576.8 TB for a year cold (not 35 TB)', () => {
    close(rawTerabytes(seedWorkload, 90), 388.8);
    close(rawTerabytes(seedWorkload, 365), 1_576.8);
  });

  it('needs 20 partitions for the 200,000 events/s burst at 10,000 events/s per partition, and 21 at 9,999', () => {
    expect(partitionsNeeded(seedWorkload, 10_000)).toBe(20);
    expect(partitionsNeeded(seedWorkload, 9_999)).toBe(21);
  });

  it('finds 389 TB kept once, uncompressed, at $0.08 per GB-month over the $25,000 budget on its own', () => {
    const hot: Tier = { name: 'hot', days: 90, compression: 1, replicas: 1, dollarsPerGbMonth: 0.08 };
    const bill = monthlyCost(seedWorkload, [hot], 0, 25_000);
    close(bill.storageDollars, 31_104);
    expect(bill.withinBudget).toBe(false);
  });

  it('adds compute to storage and is within budget when the total equals the budget exactly', () => {
    const hot: Tier = { name: 'hot', days: 90, compression: 8, replicas: 2, dollarsPerGbMonth: 0.08 };
    const storage = course.storageDollars(seedWorkload, [hot]);
    const bill = monthlyCost(seedWorkload, [hot], 25_000 - storage, 25_000);
    close(bill.totalDollars, 25_000);
    expect(bill.withinBudget).toBe(true);
  });
});

describe('the capacity model against the course\'s on generated workloads', () => {
  it('agrees on throughput, raw and stored terabytes, partitions and the monthly bill', async () => {
    await assertProperty(
      fc.property(aWorkload, fc.array(aTier, { minLength: 1, maxLength: 3 }), fc.integer({ min: 100, max: 50_000 }), fc.integer({ min: 0, max: 100_000 }), (workload, tiers, perPartition, compute) => {
        const flow = throughput(workload);
        close(flow.burstBytesPerSecond, course.burstBytesPerSecond(workload));
        close(flow.sustainedBytesPerSecond, course.sustainedBytesPerSecond(workload));
        for (const tier of tiers) {
          close(rawTerabytes(workload, tier.days), course.rawTerabytes(workload, tier.days));
          close(storedTerabytes(workload, tier), course.storedTerabytes(workload, tier));
        }
        expect(partitionsNeeded(workload, perPartition)).toBe(course.partitions(workload, perPartition));
        const storage = course.storageDollars(workload, tiers);
        const bill = monthlyCost(workload, tiers, compute, storage + compute);
        close(bill.storageDollars, storage);
        close(bill.totalDollars, storage + compute);
        expect(monthlyCost(workload, tiers, compute, (storage + compute) * 0.99).withinBudget).toBe(false);
      }),
    );
  });
});
