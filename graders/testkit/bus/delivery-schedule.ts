import fc from 'fast-check';

/** One decision of the delivery schedule: what the broker does next. */
export interface DeliveryStep {
  /** Which ready queue (one per recipient and key) delivers next, modulo how many are ready. */
  pick: number;
  /** Virtual milliseconds that pass before this delivery; due timers fire first. */
  delayMs: number;
  /** Deliver the message, and again later: at-least-once redelivery. */
  duplicate: boolean;
  /** Drop the message: only commands and replies are lost; events are durable. */
  lose: boolean;
}

export type DeliverySchedule = readonly DeliveryStep[];

export interface DeliveryScheduleOptions {
  /** Longest schedule; after it runs out, delivery is calm (in order, once, no delay). */
  maxSteps?: number;
  /** Percent of deliveries duplicated (0 turns duplicates off). */
  duplicatePercent?: number;
  /** Percent of commands and replies lost (0 turns losses off). */
  lossPercent?: number;
  /** Longest delay before a delivery (0 turns delays off). */
  maxDelayMs?: number;
}

/** true in `percent` of cases; shrinks to false, so the smallest schedule is the calmest. */
const sometimes = (percent: number) => fc.nat({ max: 99 }).map((n) => n >= 100 - percent);

/**
 * Generates broker behaviour for at-least-once delivery: which queue goes next (reordering
 * across keys and recipients), duplicates, lost commands and replies, and delays that let
 * timeouts fire. Shrinking heads to the empty schedule: calm, in-order delivery.
 */
export function deliverySchedules(options: DeliveryScheduleOptions = {}): fc.Arbitrary<DeliverySchedule> {
  const { maxSteps = 40, duplicatePercent = 15, lossPercent = 10, maxDelayMs = 0 } = options;
  const delay =
    maxDelayMs > 0
      ? fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: maxDelayMs }) })
      : fc.constant(0);
  const step: fc.Arbitrary<DeliveryStep> = fc.record({
    pick: fc.nat({ max: 7 }),
    delayMs: delay,
    duplicate: duplicatePercent > 0 ? sometimes(duplicatePercent) : fc.constant(false),
    lose: lossPercent > 0 ? sometimes(lossPercent) : fc.constant(false),
  });
  return fc.array(step, { maxLength: maxSteps });
}
