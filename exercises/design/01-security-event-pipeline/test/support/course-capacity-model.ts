/**
 * The course's capacity model, written apart from the learner's so the tests compare two
 * independent computations. Units: 1 KB = 1,000 bytes, TB = 10^12 bytes, GB = 10^9 bytes.
 */
export interface ModelWorkload {
  sustainedEventsPerSecond: number;
  burstEventsPerSecond: number;
  bytesPerEvent: number;
}

export interface ModelTier {
  name: string;
  days: number;
  compression: number;
  replicas: number;
  dollarsPerGbMonth: number;
}

export const course = {
  burstBytesPerSecond: (w: ModelWorkload) => w.burstEventsPerSecond * w.bytesPerEvent,
  sustainedBytesPerSecond: (w: ModelWorkload) => w.sustainedEventsPerSecond * w.bytesPerEvent,
  rawBytes: (w: ModelWorkload, days: number) => w.sustainedEventsPerSecond * w.bytesPerEvent * 24 * 60 * 60 * days,
  rawTerabytes: (w: ModelWorkload, days: number) => course.rawBytes(w, days) / 1e12,
  storedTerabytes: (w: ModelWorkload, t: ModelTier) => (course.rawTerabytes(w, t.days) * t.replicas) / t.compression,
  partitions: (w: ModelWorkload, perPartition: number) => Math.ceil(w.burstEventsPerSecond / perPartition),
  storageDollars: (w: ModelWorkload, tiers: readonly ModelTier[]) => tiers.reduce((sum, t) => sum + (course.storedTerabytes(w, t) * 1e12 * t.dollarsPerGbMonth) / 1e9, 0),
};

/** The kata's own inputs (the seed's): 50,000 events/s sustained, 200,000 at the burst, 1 KB each. */
export const seedWorkload: ModelWorkload = { sustainedEventsPerSecond: 50_000, burstEventsPerSecond: 200_000, bytesPerEvent: 1_000 };
