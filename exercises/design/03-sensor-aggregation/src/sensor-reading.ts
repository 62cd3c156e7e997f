/** One reading of one sensor, as the MQTT bridge puts it on the log. */
export interface Reading {
  /** Unique per reading: a copy redelivered after a reconnect carries the same id. */
  readingId: string;
  /** The building owner the sensor belongs to. Zone, floor and building ids are only unique within a tenant. */
  tenant: string;
  building: string;
  floor: string;
  zone: string;
  sensor: string;
  /** `co2` (ppm), `temperature` (°C), `humidity`, `occupancy` or `light`. */
  metric: string;
  value: number;
  /** Event time: when the sensor measured, in ms since the epoch (not when the reading arrived). */
  time: number;
}

/** The three levels the dashboard shows. */
export type Level = 'zone' | 'floor' | 'building';
export const levels: readonly Level[] = ['zone', 'floor', 'building'];

/**
 * The readings of one tenant's zone, floor or building, of one metric, in one event-time
 * window. `floor` is absent at building level, `zone` at floor and building level. Sum and
 * count, not a mean, so that a floor's figure can be built from its zones' figures.
 */
export interface Aggregate {
  tenant: string;
  level: Level;
  building: string;
  floor?: string;
  zone?: string;
  metric: string;
  /** Start of the window, inclusive; the window ends `windowMs` later, exclusive. */
  windowStart: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

/** The mean of an aggregate's readings. */
export const meanOf = (aggregate: Pick<Aggregate, 'sum' | 'count'>) => aggregate.sum / aggregate.count;

/** What the aggregator did with a reading: each one is accounted for, none dropped in silence. */
export type Verdict = 'counted' | 'duplicate' | 'too-late';
