/**
 * The course's capacity model, written apart from the learner's so the tests compare two
 * independent computations. Units: 1 KB = 1,000 bytes, TB = 10^12 bytes, GB = 10^9 bytes.
 */
export interface ModelFleet {
  sensors: number;
  intervalSeconds: number;
  bytesPerReading: number;
  burstFactor: number;
}

export interface ModelRollup {
  series: number;
  windowSeconds: number;
  bytesPerAggregate: number;
}

export interface ModelTier {
  name: string;
  keeps: 'raw' | 'aggregates';
  days: number;
  compression: number;
  replicas: number;
  dollarsPerGbMonth: number;
}

const day = 24 * 60 * 60;

export const course = {
  sustainedReadingsPerSecond: (f: ModelFleet) => f.sensors / f.intervalSeconds,
  burstReadingsPerSecond: (f: ModelFleet) => (f.sensors * f.burstFactor) / f.intervalSeconds,
  sustainedBytesPerSecond: (f: ModelFleet) => (f.sensors * f.bytesPerReading) / f.intervalSeconds,
  burstBytesPerSecond: (f: ModelFleet) => (f.sensors * f.burstFactor * f.bytesPerReading) / f.intervalSeconds,
  rawTerabytes: (f: ModelFleet, days: number) => (((f.sensors * day) / f.intervalSeconds) * days * f.bytesPerReading) / 1e12,
  aggregateTerabytes: (r: ModelRollup, days: number) => ((r.series * day) / r.windowSeconds) * days * r.bytesPerAggregate / 1e12,
  storedTerabytes: (f: ModelFleet, r: ModelRollup, t: ModelTier) => ((t.keeps === 'raw' ? course.rawTerabytes(f, t.days) : course.aggregateTerabytes(r, t.days)) * t.replicas) / t.compression,
  partitions: (f: ModelFleet, perPartition: number) => Math.ceil(course.burstReadingsPerSecond(f) / perPartition),
  storageDollars: (f: ModelFleet, r: ModelRollup, tiers: readonly ModelTier[]) => tiers.reduce((sum, t) => sum + (course.storedTerabytes(f, r, t) * 1e12 * t.dollarsPerGbMonth) / 1e9, 0),
};

/**
 * The kata's inputs. From the seed: 500 buildings of 1,000 sensors, a reading every 10 s, about
 * 200 bytes each. Assumed by the course, as the README says: a burst of 3x the sustained rate
 * (buildings reconnecting after an outage flush what they buffered), and per building 10 floors
 * of 5 zones and 5 metrics: (50 zones + 10 floors + 1 building) x 5 = 305 series, 152,500 in
 * all, one aggregate of 100 bytes per series per minute.
 */
export const seedFleet: ModelFleet = { sensors: 500_000, intervalSeconds: 10, bytesPerReading: 200, burstFactor: 3 };
export const seedRollup: ModelRollup = { series: 152_500, windowSeconds: 60, bytesPerAggregate: 100 };
