/** The fleet and its telemetry. */
export interface Fleet {
  /** Devices today. */
  devices: number;
  /** 0.2 means 20% more devices every year, compounded. */
  growthPerYear: number;
  messagesPerDeviceMinute: number;
}

/** After an outage, part of the fleet comes back at once and flushes what it buffered. */
export interface ReconnectBurst {
  /** Share of the fleet that reconnects together: 0.2 is 20%. */
  share: number;
  /** Minutes of telemetry each returning device buffered while away. */
  backlogMinutes: number;
  /** Seconds over which the returning devices flush their backlog. */
  drainSeconds: number;
}

/** One retention tier of the telemetry store. */
export interface Tier {
  name: string;
  days: number;
  /** Points kept per device per day: 1,440 raw at one a minute, 288 as 5-minute roll-ups, 24 hourly. */
  pointsPerDeviceDay: number;
  /** Bytes of one stored point, as the store keeps it (after its compression). */
  bytesPerPoint: number;
  replicas: number;
}

const todo = (): never => {
  throw new Error('TODO: compute this from its inputs (see the README, section Capacity model)');
};

/** Devices after `years` of growth (not rounded). */
export function devicesAfter(fleet: Fleet, years: number): number {
  return todo();
}

/** Telemetry messages per second after `years`: sustained, and while a reconnect burst drains. */
export function telemetryRate(fleet: Fleet, years: number, burst: ReconnectBurst): { sustainedPerSecond: number; burstPerSecond: number } {
  return todo();
}

/** Gigabytes (10^9 bytes) a full tier holds after `years` of growth, replicas included. */
export function storageGigabytes(fleet: Fleet, years: number, tier: Tier): number {
  return todo();
}

/** Cellular cost of sending one image to one device and to `devices` devices. */
export function otaCost(imageMegabytes: number, dollarsPerMegabyte: number, devices: number): { perDevice: number; fleet: number } {
  return todo();
}

/** Seconds to deliver an image at `kilobytesPerSecond` (1 MB is 1,000 KB). */
export function deliverySeconds(imageMegabytes: number, kilobytesPerSecond: number): number {
  return todo();
}

/** Partitions so that `messagesPerSecond` fits when each partition's consumer handles `perPartition` a second. */
export function partitionsNeeded(messagesPerSecond: number, perPartition: number): number {
  return todo();
}
