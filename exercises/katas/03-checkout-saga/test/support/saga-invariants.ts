import type { SagaRun } from './saga-run.ts';

/**
 * The promises a saga keeps whatever the broker does, checked on the services' final
 * state: confirmed means every step stands exactly once (payment included); cancelled
 * means nothing stands (stock released, card refunded, no shipment, no receipt); no step
 * runs before the one it depends on; no step's work is done twice; every saga ends.
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
      if (status === 'confirmed' && standing !== 1) {
        problems.push(`${sagaId} is confirmed but ${spec.step} ${standing === 0 ? 'does not stand' : `stands ${standing} times`}`);
      }
      if (status === 'cancelled' && standing !== 0) {
        problems.push(`${sagaId} is cancelled but ${spec.step} still stands${spec.compensation ? ` (no ${spec.compensation})` : ''}`);
      }
    }
  }
  problems.push(...services.outOfOrder, ...services.contradictions);
  return problems;
}

/** The saga's effects as `Step kind` lines, in the order the services saw them. */
export function effectLines(run: SagaRun, sagaId: string): string[] {
  return run.services.effectsOf(sagaId).map((effect) => `${effect.step} ${effect.kind}`);
}

/** What a calm run must do for a saga that fails at `failAt`: the steps before it, then their undo in reverse. */
export function expectedEffects(run: SagaRun, failAt: string | undefined): string[] {
  const steps = run.workflow.steps.map((s) => s.step);
  const failing = failAt === undefined ? steps.length : steps.indexOf(failAt);
  const done = steps.slice(0, failing);
  if (failAt === undefined) return done.map((step) => `${step} performed`);
  return [...done.map((s) => `${s} performed`), `${failAt} failed`, ...done.toReversed().map((s) => `${s} compensated`)];
}
