/** The sensors and what one reading weighs. */
export interface Fleet {
  sensors: number;
  /** Seconds between two readings of one sensor. */
  intervalSeconds: number;
  /** Bytes of one reading on the wire (1 KB is 1,000 bytes here). */
  bytesPerReading: number;
  /** The peak over the sustained rate: 3 means three times the sustained rate. */
  burstFactor: number;
}

/** Pre-aggregation: one aggregate per series (a zone, floor or building, times a metric) per window. */
export interface Rollup {
  series: number;
  windowSeconds: number;
  bytesPerAggregate: number;
}

/** One retention tier: what it keeps, how long, how much smaller the store makes it, how many copies. */
export interface Tier {
  name: string;
  keeps: 'raw' | 'aggregates';
  days: number;
  /** 10 means the stored bytes are a tenth of the raw bytes; 1 means uncompressed. */
  compression: number;
  replicas: number;
  dollarsPerGbMonth: number;
}

const secondsPerDay = 86_400;

/** Readings per second and bytes per second into the broker, sustained and at the burst. */
export function ingestRate(fleet: Fleet): { sustainedReadingsPerSecond: number; burstReadingsPerSecond: number; sustainedBytesPerSecond: number; burstBytesPerSecond: number } {
  const sustainedReadingsPerSecond = fleet.sensors / fleet.intervalSeconds;
  const burstReadingsPerSecond = sustainedReadingsPerSecond * fleet.burstFactor;
  return { sustainedReadingsPerSecond, burstReadingsPerSecond, sustainedBytesPerSecond: sustainedReadingsPerSecond * fleet.bytesPerReading, burstBytesPerSecond: burstReadingsPerSecond * fleet.bytesPerReading };
}

/** Terabytes (10^12 bytes) of raw readings the sustained rate produces in `days`. */
export function rawTerabytes(fleet: Fleet, days: number): number {
  return (ingestRate(fleet).sustainedBytesPerSecond * secondsPerDay * days) / 1e12;
}

/** Terabytes of aggregates the rollup produces in `days`. */
export function aggregateTerabytes(rollup: Rollup, days: number): number {
  return (rollup.series * (secondsPerDay / rollup.windowSeconds) * days * rollup.bytesPerAggregate) / 1e12;
}

/** Terabytes a tier holds once full: what it keeps over its days, compressed, times its replicas. */
export function storedTerabytes(fleet: Fleet, rollup: Rollup, tier: Tier): number {
  const kept = tier.keeps === 'raw' ? rawTerabytes(fleet, tier.days) : aggregateTerabytes(rollup, tier.days);
  return (kept / tier.compression) * tier.replicas;
}

/** Partitions so that the burst fits when each partition's consumer handles `perPartitionReadingsPerSecond`. */
export function partitionsNeeded(fleet: Fleet, perPartitionReadingsPerSecond: number): number {
  return Math.ceil(ingestRate(fleet).burstReadingsPerSecond / perPartitionReadingsPerSecond);
}

/** The month's bill: storage of every tier (GB is 10^9 bytes) plus compute, against the budget. */
export function monthlyCost(fleet: Fleet, rollup: Rollup, tiers: readonly Tier[], computeDollars: number, budgetDollars: number): { storageDollars: number; totalDollars: number; withinBudget: boolean } {
  const storageDollars = tiers.reduce((sum, tier) => sum + storedTerabytes(fleet, rollup, tier) * 1_000 * tier.dollarsPerGbMonth, 0);
  const totalDollars = storageDollars + computeDollars;
  return { storageDollars, totalDollars, withinBudget: totalDollars <= budgetDollars };
}
