/** How the orchestrator waits for one step's reply. */
export interface StepPolicy {
  /** How long to wait for the reply before asking again (virtual milliseconds). */
  timeoutMs: number;
  /** How many times to send the command in all, the first time included. */
  attempts: number;
}

/** A policy for every step of a workflow, by step name (`ChargeCard`). */
export type RetryPolicy = Readonly<Record<string, StepPolicy>>;
