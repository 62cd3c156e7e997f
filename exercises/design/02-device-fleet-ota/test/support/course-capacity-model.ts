/**
 * The course's capacity model, written apart from the learner's so the tests compare two
 * independent computations. Units: 1 MB = 1,000 KB, GB = 10^9 bytes.
 */
export interface ModelFleet {
  devices: number;
  growthPerYear: number;
  messagesPerDeviceMinute: number;
}

export interface ModelBurst {
  share: number;
  backlogMinutes: number;
  drainSeconds: number;
}

export interface ModelTier {
  name: string;
  days: number;
  pointsPerDeviceDay: number;
  bytesPerPoint: number;
  replicas: number;
}

export const course = {
  devices: (f: ModelFleet, years: number) => f.devices * Math.pow(1 + f.growthPerYear, years),
  sustained: (f: ModelFleet, years: number) => (course.devices(f, years) * f.messagesPerDeviceMinute) / 60,
  burst: (f: ModelFleet, years: number, b: ModelBurst) => course.sustained(f, years) + (course.devices(f, years) * b.share * f.messagesPerDeviceMinute * b.backlogMinutes) / b.drainSeconds,
  gigabytes: (f: ModelFleet, years: number, t: ModelTier) => (course.devices(f, years) * t.days * t.pointsPerDeviceDay * t.bytesPerPoint * t.replicas) / 1e9,
  perDevice: (megabytes: number, dollarsPerMegabyte: number) => megabytes * dollarsPerMegabyte,
  seconds: (megabytes: number, kilobytesPerSecond: number) => (megabytes * 1_000) / kilobytesPerSecond,
  partitions: (perSecond: number, perPartition: number) => Math.ceil(perSecond / perPartition),
};

/** The kata's fleet (the seed's): 50,000 devices, 20% more a year, one message a minute each. */
export const seedFleet: ModelFleet = { devices: 50_000, growthPerYear: 0.2, messagesPerDeviceMinute: 1 };
/** A regional outage: 20% of the fleet back at once with six hours buffered, flushed in ten minutes. */
export const seedBurst: ModelBurst = { share: 0.2, backlogMinutes: 360, drainSeconds: 600 };
