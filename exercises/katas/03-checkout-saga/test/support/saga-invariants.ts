import { passingFailures } from '#graders/testkit/sagas/simulated-services.ts';
import type { SagaRun } from './saga-run.ts';

/**
 * The promises a saga keeps whatever the broker does, checked on the services' final
 * state: confirmed means every step stands exactly once (payment included); cancelled
 * means nothing stands (stock released, card refunded, no shipment, no receipt); no step
 * runs before the one it depends on; no step's work is done or undone twice; nothing is
 * undone and no order cancelled once the pivot stood; every saga ends.
 */
export function invariantProblems(run: SagaRun): string[] {
  const { services, workflow } = run;
  const problems: string[] = [];
  if (run.end !== 'quiet') {
    problems.push(
      run.end === 'horizon'
        ? `the run still had work after ${workflow.deadlineMs * 20} ms of virtual time: something waits forever`
        : 'the run went past 5000 deliveries: messages keep causing messages',
    );
  }
  for (const { sagaId } of run.sagas) {
    const status = services.statusOf(sagaId);
    if (status === 'pending') problems.push(`${sagaId} never ended: it is neither confirmed nor cancelled (a ghost order)`);
    for (const spec of workflow.steps) {
      const standing = services.standing(sagaId, spec.step);
      const performed = services.effectsOf(sagaId).filter((e) => e.step === spec.step && e.kind === 'performed').length;
      if (performed > 1) problems.push(`${spec.step} was done ${performed} times for ${sagaId}: a duplicate was not deduplicated`);
      const undone = services.effectsOf(sagaId).filter((e) => e.step === spec.step && /compensate/.test(e.kind)).length;
      if (undone > 1) problems.push(`${spec.compensation} ran ${undone} times for ${sagaId}: a redelivered failure was compensated again`);
      if (status === 'confirmed' && standing !== 1) {
        problems.push(`${sagaId} is confirmed but ${spec.step} ${standing === 0 ? 'does not stand' : `stands ${standing} times`}`);
      }
      if (status === 'cancelled' && standing !== 0) {
        problems.push(`${sagaId} is cancelled but ${spec.step} still stands${spec.compensation ? ` (no ${spec.compensation})` : ''}`);
      }
    }
  }
  problems.push(...services.outOfOrder, ...services.contradictions, ...services.pastPivot);
  return problems;
}

/** The saga's effects as `Step kind` lines, in the order the services saw them. */
export function effectLines(run: SagaRun, sagaId: string): string[] {
  return run.services.effectsOf(sagaId).map((effect) => `${effect.step} ${effect.kind}`);
}

/**
 * What a calm run must do for a saga that fails at `failAt`. Before the pivot, and at it:
 * the steps before it, its failure, then their undo in reverse. After it: every step, the
 * failing one refused `failures` times first and then done, and nothing undone.
 */
export function expectedEffects(run: SagaRun, failAt: string | undefined, failures = passingFailures): string[] {
  const steps = run.workflow.steps;
  if (failAt === undefined) return steps.map((s) => `${s.step} performed`);
  const failing = steps.findIndex((s) => s.step === failAt);
  if (steps[failing]!.kind === 'retriable') {
    return steps.flatMap((s) => [...(s.step === failAt ? Array<string>(failures).fill(`${s.step} failed`) : []), `${s.step} performed`]);
  }
  const done = steps.slice(0, failing).map((s) => s.step);
  return [...done.map((s) => `${s} performed`), `${failAt} failed`, ...done.toReversed().map((s) => `${s} compensated`)];
}

/**
 * Waits between a step's attempts, from the services' own record: a back-off makes each
 * wait longer than the one before, where a fixed retry repeats the same wait.
 */
export function attemptGaps(run: SagaRun, sagaId: string, step: string): number[] {
  const times = run.services.effectsOf(sagaId).filter((e) => e.step === step && (e.kind === 'failed' || e.kind === 'performed')).map((e) => e.at);
  return times.slice(1).map((at, i) => at - times[i]!);
}
