import type { DependencyCall } from './dependency-call.ts';

/**
 * Where a simulated process dies. Each named point is defined by what the code under test
 * does, not by how it is written:
 * - `after-select`: the first read that returns rows has answered;
 * - `after-publish`: the broker has acknowledged the first publish;
 * - `mid-batch`: the broker has taken the first half of a publish's messages (the rest
 *   never leave), or, when messages go one per call, the first half of the calls;
 * - `before-commit`: the transaction's COMMIT is about to be sent (its work rolls back);
 * - `after-commit`: the COMMIT has succeeded, and the caller never hears of it;
 * - `{ afterCalls: n }`: after the n-th call of any kind, for generated schedules.
 */
export type CrashPoint =
  | 'after-select'
  | 'after-publish'
  | 'mid-batch'
  | 'before-commit'
  | 'after-commit'
  | { afterCalls: number };

export const namedCrashPoints = ['after-select', 'after-publish', 'mid-batch', 'before-commit', 'after-commit'] as const;

export function describeCrashPoint(point: CrashPoint): string {
  return typeof point === 'string' ? point : `after call ${point.afterCalls}`;
}

/** Decides, call by call, whether the process dies before or after it. */
export interface CrashPlan {
  /** Die instead of making this call. */
  before(call: DependencyCall, callNumber: number): boolean;
  /** For a publish about to be sent: how many of its messages get out before the process dies mid-publish. */
  cut(call: DependencyCall & { kind: 'publish' }, callNumber: number): number | undefined;
  /** Die once this call has been made and answered. */
  after(call: DependencyCall, callNumber: number): boolean;
}

/** The plan for one crash point, with a batch size to find the middle of a batch. */
export function planFor(point: CrashPoint | undefined, batchSize = 2): CrashPlan {
  let publishes = 0;
  return {
    before: (call) => point === 'before-commit' && call.kind === 'statement' && call.statement === 'commit',
    cut: (call) => (point === 'mid-batch' && call.messages > 1 ? Math.floor(call.messages / 2) : undefined),
    after: (call, callNumber) => {
      if (point === undefined) return false;
      if (typeof point === 'object') return callNumber >= point.afterCalls;
      if (call.kind === 'publish') {
        publishes++;
        if (point === 'after-publish') return true;
        // One message per publish: the middle of the batch is after half of the calls.
        return point === 'mid-batch' && publishes >= Math.max(1, Math.floor(batchSize / 2));
      }
      if (point === 'after-select') return call.statement === 'select' && (call.rowCount ?? 0) > 0;
      if (point === 'after-commit') return call.statement === 'commit';
      return false;
    },
  };
}
