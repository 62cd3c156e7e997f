import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { deliverySeconds, devicesAfter, otaCost, partitionsNeeded, storageGigabytes, telemetryRate, type Tier } from '../src/capacity.ts';
import { course, seedBurst, seedFleet } from './support/course-capacity-model.ts';

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

const aFleet = fc.record({ devices: fc.integer({ min: 1, max: 5_000_000 }), growthPerYear: fc.constantFrom(0, 0.05, 0.2, 0.5, 1), messagesPerDeviceMinute: fc.constantFrom(0.2, 1, 2, 6, 60) });
const aBurst = fc.record({ share: fc.constantFrom(0.01, 0.2, 0.5, 1), backlogMinutes: fc.integer({ min: 1, max: 7 * 24 * 60 }), drainSeconds: fc.integer({ min: 1, max: 7_200 }) });
const aTier = fc.record({ name: fc.constantFrom('raw', 'rollup-5m', 'rollup-1h'), days: fc.integer({ min: 1, max: 3_650 }), pointsPerDeviceDay: fc.constantFrom(1_440, 288, 24), bytesPerPoint: fc.integer({ min: 8, max: 2_000 }), replicas: fc.integer({ min: 1, max: 3 }) });

describe('the capacity model on the kata\'s own figures', () => {
  it('costs $8 per device and $400,000 for the fleet to send an 80 MB image at $0.10/MB (not $4 and $200,000)', () => {
    const full = otaCost(80, 0.1, 50_000);
    close(full.perDevice, 8);
    close(full.fleet, 400_000);
  });

  it('costs $0.50 to $1.00 per device, $25,000 to $50,000 for the fleet, with 5-10 MB delta updates', () => {
    const [small, large] = [otaCost(5, 0.1, 50_000), otaCost(10, 0.1, 50_000)];
    close(small.perDevice, 0.5);
    close(small.fleet, 25_000);
    close(large.perDevice, 1);
    close(large.fleet, 50_000);
  });

  it('takes 800 s to deliver 80 MB and 100 s for a 10 MB delta at 100 KB/s (a KB is 1,000 bytes)', () => {
    close(deliverySeconds(80, 100), 800);
    close(deliverySeconds(10, 100), 100);
  });

  it('compounds 20% a year: 86,400 devices after three years (not 80,000), 1,440 messages/s', () => {
    close(devicesAfter(seedFleet, 3), 86_400);
    close(telemetryRate(seedFleet, 3, seedBurst).sustainedPerSecond, 1_440);
  });

  it('takes 833.3 messages/s today and 6,833.3 while 20% of the fleet flushes six hours of backlog in ten minutes', () => {
    const rate = telemetryRate(seedFleet, 0, seedBurst);
    close(rate.sustainedPerSecond, 50_000 / 60);
    close(rate.burstPerSecond, 50_000 / 60 + 6_000);
  });

  it('keeps 432 GB of raw telemetry for 30 days at 200 bytes a point, 1,296 GB with 3 replicas', () => {
    const raw: Tier = { name: 'raw', days: 30, pointsPerDeviceDay: 1_440, bytesPerPoint: 200, replicas: 1 };
    close(storageGigabytes(seedFleet, 0, raw), 432);
    close(storageGigabytes(seedFleet, 0, { ...raw, replicas: 3 }), 1_296);
  });

  it('needs 7 partitions for 6,833 messages/s at 1,000 each, and 6 for exactly 6,000', () => {
    expect(partitionsNeeded(telemetryRate(seedFleet, 0, seedBurst).burstPerSecond, 1_000)).toBe(7);
    expect(partitionsNeeded(6_000, 1_000)).toBe(6);
  });
});

describe('the capacity model against the course\'s on generated fleets', () => {
  it('agrees on growth, telemetry rates, storage per tier, OTA cost, delivery time and partitions', async () => {
    await assertProperty(
      fc.property(aFleet, fc.integer({ min: 0, max: 10 }), aBurst, aTier, fc.integer({ min: 1, max: 200 }), fc.constantFrom(0.01, 0.1, 0.5), fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 50_000 }), (fleet, years, burst, tier, megabytes, price, kilobytesPerSecond, perPartition) => {
        close(devicesAfter(fleet, years), course.devices(fleet, years));
        const rate = telemetryRate(fleet, years, burst);
        close(rate.sustainedPerSecond, course.sustained(fleet, years));
        close(rate.burstPerSecond, course.burst(fleet, years, burst));
        close(storageGigabytes(fleet, years, tier), course.gigabytes(fleet, years, tier));
        const cost = otaCost(megabytes, price, fleet.devices);
        close(cost.perDevice, course.perDevice(megabytes, price));
        close(cost.fleet, course.perDevice(megabytes, price) * fleet.devices);
        close(deliverySeconds(megabytes, kilobytesPerSecond), course.seconds(megabytes, kilobytesPerSecond));
        expect(partitionsNeeded(rate.burstPerSecond, perPartition)).toBe(course.partitions(rate.burstPerSecond, perPartition));
      }),
    );
  });
});
