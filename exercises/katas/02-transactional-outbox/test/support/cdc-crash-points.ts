import { type CrashPlan, planFor } from '#graders/testkit/faults/crash-points.ts';
import type { DependencyCall } from '#graders/testkit/faults/dependency-call.ts';

/**
 * Where a change-data-capture relay is killed: the course's named crash points, plus
 * `before-publish` (it has read the slot, and maybe confirmed, but the broker has nothing
 * yet), the place where confirming too early shows as a lost event.
 */
export const cdcCrashPoints = ['after-select', 'before-publish', 'after-publish', 'mid-batch', 'before-commit', 'after-commit'] as const;
export type CdcCrashPoint = (typeof cdcCrashPoints)[number];

/**
 * The plan for one point. `before-commit` and `after-commit` mean before and after the
 * published_at update becomes durable, whether the relay wraps it in BEGIN and COMMIT or
 * sends a lone UPDATE, so that either way of writing it meets the same crash.
 */
export function cdcPlanFor(point: CdcCrashPoint, eventsPerPass: number): CrashPlan {
  if (point === 'before-publish') {
    return { before: (call) => call.kind === 'publish', cut: () => undefined, after: () => false };
  }
  if (point !== 'before-commit' && point !== 'after-commit') return planFor(point, eventsPerPass);
  let inTransaction = false;
  const makesDurable = (call: DependencyCall) =>
    call.kind === 'statement' && (call.statement === 'commit' ? inTransaction : call.statement === 'update' && !inTransaction);
  return {
    before: (call) => point === 'before-commit' && makesDurable(call),
    cut: () => undefined,
    after: (call) => {
      const dies = point === 'after-commit' && makesDurable(call);
      if (call.kind === 'statement' && call.statement === 'begin') inTransaction = true;
      if (call.kind === 'statement' && (call.statement === 'commit' || call.statement === 'rollback')) inTransaction = false;
      return dies;
    },
  };
}
