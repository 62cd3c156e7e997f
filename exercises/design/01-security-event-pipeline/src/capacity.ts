/** What the pipeline takes in. */
export interface Workload {
  sustainedEventsPerSecond: number;
  burstEventsPerSecond: number;
  /** Bytes of one raw event (1 KB is 1,000 bytes here). */
  bytesPerEvent: number;
}

/** One retention tier: how long events stay, how much smaller the store makes them, how many copies. */
export interface Tier {
  name: string;
  days: number;
  /** 8 means the stored bytes are an eighth of the raw bytes; 1 means uncompressed. */
  compression: number;
  replicas: number;
  dollarsPerGbMonth: number;
}

/** Bytes per second into the broker, sustained and at the burst. */
export function throughput(workload: Workload): { sustainedBytesPerSecond: number; burstBytesPerSecond: number } {
  throw new Error('TODO: compute this from its inputs (see the README, section Capacity model)');
}

/** Raw terabytes (10^12 bytes) the sustained rate produces in `days`. */
export function rawTerabytes(workload: Workload, days: number): number {
  throw new Error('TODO: compute this from its inputs (see the README, section Capacity model)');
}

/** Terabytes a tier holds once full: raw, compressed, times its replicas. */
export function storedTerabytes(workload: Workload, tier: Tier): number {
  throw new Error('TODO: compute this from its inputs (see the README, section Capacity model)');
}

/** Partitions so that the burst fits when each partition's consumer handles `perPartitionEventsPerSecond`. */
export function partitionsNeeded(workload: Workload, perPartitionEventsPerSecond: number): number {
  throw new Error('TODO: compute this from its inputs (see the README, section Capacity model)');
}

/** The month's bill: storage of every tier (GB is 10^9 bytes) plus compute, against the budget. */
export function monthlyCost(workload: Workload, tiers: readonly Tier[], computeDollars: number, budgetDollars: number): { storageDollars: number; totalDollars: number; withinBudget: boolean } {
  throw new Error('TODO: compute this from its inputs (see the README, section Capacity model)');
}
