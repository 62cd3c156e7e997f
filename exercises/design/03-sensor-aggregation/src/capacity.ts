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

/** Readings per second and bytes per second into the broker, sustained and at the burst. */
export function ingestRate(fleet: Fleet): { sustainedReadingsPerSecond: number; burstReadingsPerSecond: number; sustainedBytesPerSecond: number; burstBytesPerSecond: number } {
  throw new Error('TODO: compute this from its inputs (see the README, section Capacity model)');
}

/** Terabytes (10^12 bytes) of raw readings the sustained rate produces in `days`. */
export function rawTerabytes(fleet: Fleet, days: number): number {
  throw new Error('TODO: compute this from its inputs (see the README, section Capacity model)');
}

/** Terabytes of aggregates the rollup produces in `days`. */
export function aggregateTerabytes(rollup: Rollup, days: number): number {
  throw new Error('TODO: compute this from its inputs (see the README, section Capacity model)');
}

/** Terabytes a tier holds once full: what it keeps over its days, compressed, times its replicas. */
export function storedTerabytes(fleet: Fleet, rollup: Rollup, tier: Tier): number {
  throw new Error('TODO: compute this from its inputs (see the README, section Capacity model)');
}

/** Partitions so that the burst fits when each partition's consumer handles `perPartitionReadingsPerSecond`. */
export function partitionsNeeded(fleet: Fleet, perPartitionReadingsPerSecond: number): number {
  throw new Error('TODO: compute this from its inputs (see the README, section Capacity model)');
}

/** The month's bill: storage of every tier (GB is 10^9 bytes) plus compute, against the budget. */
export function monthlyCost(fleet: Fleet, rollup: Rollup, tiers: readonly Tier[], computeDollars: number, budgetDollars: number): { storageDollars: number; totalDollars: number; withinBudget: boolean } {
  throw new Error('TODO: compute this from its inputs (see the README, section Capacity model)');
}
