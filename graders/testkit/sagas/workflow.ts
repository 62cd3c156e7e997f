/**
 * Where a step sits around the saga's point of no return. Compensatable steps come first and
 * are undone, last first, when a step before the pivot fails. The pivot cannot be undone:
 * once it stands, the saga goes forward. Retriable steps come after it and are retried until
 * they succeed, never compensated (a bounced receipt does not refund a shipped order).
 */
export type StepKind = 'compensatable' | 'pivot' | 'retriable';

/** One step of a saga, in the words both versions use: the command, its events, its undo. */
export interface SagaStep {
  /** The command that asks for the step, e.g. `ChargeCard`. */
  step: string;
  /** The service that performs it; in choreography, its subscriber name. */
  service: string;
  /** The fact that it succeeded (the event, or the reply to the command), e.g. `CardCharged`. */
  done: string;
  /**
   * The fact that it failed, e.g. `CardDeclined`. Before the pivot a failure is final; for a
   * retriable step it is passing (a full mailbox) and the step is asked again later.
   */
  failed: string;
  /** Compensatable, pivot or retriable: what a failure after it (or of it) means. */
  kind: StepKind;
  /** The command that undoes it, e.g. `RefundCard`; only compensatable steps have one. */
  compensation?: string;
  /** The fact that it was undone, e.g. `CardRefunded`. */
  compensated?: string;
  /** How long the service takes to answer the command (virtual milliseconds). */
  durationMs: number;
}

/** A workflow across services: who owns it, how it starts and ends, and its steps in order. */
export interface Workflow {
  name: string;
  /** The service that owns the saga's record (orders, tenants); in choreography, its subscriber name. */
  owner: string;
  /** Published by the owner to start the saga, e.g. `OrderPlaced`. */
  started: string;
  /** Published by the owner when every step is done, e.g. `OrderConfirmed`. */
  completed: string;
  /** Published by the owner when the saga gives up and everything is undone, e.g. `OrderCancelled`. */
  cancelled: string;
  steps: readonly SagaStep[];
  /** Every saga must end (confirmed or cancelled) within this much virtual time on a calm bus. */
  deadlineMs: number;
  /** Time as the business speaks it, for timelines: milliseconds for checkout, hours for onboarding. */
  timeUnit: 'ms' | 'human';
}

/** What rides in `data` on every saga message. */
export interface SagaData {
  /** The order (or tenant) the saga is about; also the message key. */
  sagaId: string;
  /** Stays the same across retries and redeliveries of one step, so the service does it once. */
  idempotencyKey?: string;
  /** Why a step failed, on failure events and replies. */
  reason?: string;
}

/** The step after which nothing is undone; every workflow of the course has exactly one. */
export function pivotOf(workflow: Workflow): SagaStep {
  const pivots = workflow.steps.filter((s) => s.kind === 'pivot');
  if (pivots.length !== 1) throw new Error(`${workflow.name} must have exactly one pivot step; it has ${pivots.length}.`);
  return pivots[0]!;
}

export const second = 1000;
export const minute = 60 * second;
export const hour = 60 * minute;
