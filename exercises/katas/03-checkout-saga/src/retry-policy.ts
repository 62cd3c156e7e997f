/** How the saga waits for one step's reply, and how it asks again. */
export interface StepPolicy {
  /** How long to wait for the reply before asking again (virtual milliseconds). */
  timeoutMs: number;
  /**
   * How many times to send a compensatable step's command in all, the first time included,
   * before giving up on it and compensating. The pivot, retriable steps and compensations
   * are never given up: they are asked again until they answer.
   */
  attempts: number;
  /**
   * Retriable steps only: how long to wait before asking again after the step failed for a
   * passing reason (a bounced email). The wait doubles after each failure in a row.
   */
  backoffMs?: number;
}

/** A policy for every step of a workflow, by step name (`ChargeCard`). */
export type RetryPolicy = Readonly<Record<string, StepPolicy>>;
