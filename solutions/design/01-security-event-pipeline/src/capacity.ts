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

const secondsPerDay = 86_400;

/** Bytes per second into the broker, sustained and at the burst. */
export function throughput(workload: Workload): { sustainedBytesPerSecond: number; burstBytesPerSecond: number } {
  return {
    sustainedBytesPerSecond: workload.sustainedEventsPerSecond * workload.bytesPerEvent,
    burstBytesPerSecond: workload.burstEventsPerSecond * workload.bytesPerEvent,
  };
}

/** Raw terabytes (10^12 bytes) the sustained rate produces in `days`. */
export function rawTerabytes(workload: Workload, days: number): number {
  return (workload.sustainedEventsPerSecond * workload.bytesPerEvent * secondsPerDay * days) / 1e12;
}

/** Terabytes a tier holds once full: raw, compressed, times its replicas. */
export function storedTerabytes(workload: Workload, tier: Tier): number {
  return (rawTerabytes(workload, tier.days) / tier.compression) * tier.replicas;
}

/** Partitions so that the burst fits when each partition's consumer handles `perPartitionEventsPerSecond`. */
export function partitionsNeeded(workload: Workload, perPartitionEventsPerSecond: number): number {
  return Math.ceil(workload.burstEventsPerSecond / perPartitionEventsPerSecond);
}

/** The month's bill: storage of every tier (GB is 10^9 bytes) plus compute, against the budget. */
export function monthlyCost(workload: Workload, tiers: readonly Tier[], computeDollars: number, budgetDollars: number): { storageDollars: number; totalDollars: number; withinBudget: boolean } {
  const storageDollars = tiers.reduce((sum, tier) => sum + storedTerabytes(workload, tier) * 1_000 * tier.dollarsPerGbMonth, 0);
  const totalDollars = storageDollars + computeDollars;
  return { storageDollars, totalDollars, withinBudget: totalDollars <= budgetDollars };
}
