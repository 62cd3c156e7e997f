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

/** Devices after `years` of growth (not rounded). */
export function devicesAfter(fleet: Fleet, years: number): number {
  return fleet.devices * (1 + fleet.growthPerYear) ** years;
}

/** Telemetry messages per second after `years`: sustained, and while a reconnect burst drains. */
export function telemetryRate(fleet: Fleet, years: number, burst: ReconnectBurst): { sustainedPerSecond: number; burstPerSecond: number } {
  const devices = devicesAfter(fleet, years);
  const sustainedPerSecond = (devices * fleet.messagesPerDeviceMinute) / 60;
  // The devices that stay online keep sending while the returning ones flush their backlog.
  const backlog = devices * burst.share * burst.backlogMinutes * fleet.messagesPerDeviceMinute;
  return { sustainedPerSecond, burstPerSecond: sustainedPerSecond + backlog / burst.drainSeconds };
}

/** Gigabytes (10^9 bytes) a full tier holds after `years` of growth, replicas included. */
export function storageGigabytes(fleet: Fleet, years: number, tier: Tier): number {
  return (devicesAfter(fleet, years) * tier.pointsPerDeviceDay * tier.days * tier.bytesPerPoint * tier.replicas) / 1e9;
}

/** Cellular cost of sending one image to one device and to `devices` devices. */
export function otaCost(imageMegabytes: number, dollarsPerMegabyte: number, devices: number): { perDevice: number; fleet: number } {
  const perDevice = imageMegabytes * dollarsPerMegabyte;
  return { perDevice, fleet: perDevice * devices };
}

/** Seconds to deliver an image at `kilobytesPerSecond` (1 MB is 1,000 KB). */
export function deliverySeconds(imageMegabytes: number, kilobytesPerSecond: number): number {
  return (imageMegabytes * 1_000) / kilobytesPerSecond;
}

/** Partitions so that `messagesPerSecond` fits when each partition's consumer handles `perPartition` a second. */
export function partitionsNeeded(messagesPerSecond: number, perPartition: number): number {
  return Math.ceil(messagesPerSecond / perPartition);
}
