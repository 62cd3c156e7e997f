import type { SagaStep } from '#graders/testkit/sagas/workflow.ts';
import type { RetryPolicy } from './retry-policy.ts';

/**
 * How long to wait before asking a retriable step again after `failures` failures in a row:
 * the policy's first back-off, doubled each time, so a struggling service gets room.
 */
export function backoffMs(policy: RetryPolicy, spec: SagaStep, failures: number): number {
  const first = policy[spec.step]?.backoffMs;
  if (!first) throw new Error(`The retry policy gives ${spec.step} no backoffMs: a retriable step needs one.`);
  return first * 2 ** failures;
}
