import type { BusMessage, Clock, CommandBus, TimerHandle } from '#graders/testkit/bus/message-bus.ts';
import type { SagaServices } from '#graders/testkit/sagas/simulated-services.ts';
import type { SagaData, SagaStep, Workflow } from '#graders/testkit/sagas/workflow.ts';
import { sagaMessage } from './messages.ts';
import { backoffMs } from './backoff.ts';
import type { RetryPolicy } from './retry-policy.ts';

export interface Orchestrator {
  /** Starts the saga for a placed order (or tenant): sends the first command. */
  start(sagaId: string): Promise<void>;
}

/**
 * Where one saga is: which step it waits on, in which direction, the timer it waits with,
 * and, for a retriable step, how many failures in a row it has backed off from.
 */
interface Waiting {
  phase: 'forward' | 'compensating';
  index: number;
  attempt: number;
  timer: TimerHandle | undefined;
  backingOff: boolean;
  failures: number;
  reason: string;
}
type SagaState = Waiting | { phase: 'ended' };

/**
 * A state machine per saga: send a step's command, wait for its reply with a timeout,
 * retry with the same idempotency key, move on. Before the pivot, a failure undoes the
 * completed steps in reverse, and a step that never answered is undone too, because it may
 * have happened. From the pivot on the saga only goes forward: a failed retriable step is
 * asked again after a back-off that doubles.
 */
export async function startOrchestrator(
  bus: CommandBus<SagaData>,
  clock: Clock,
  services: SagaServices,
  workflow: Workflow,
  policy: RetryPolicy,
): Promise<Orchestrator> {
  const { steps } = workflow;
  const sagas = new Map<string, SagaState>();
  const policyOf = (spec: SagaStep) => {
    const found = policy[spec.step];
    if (!found) throw new Error(`The retry policy has no entry for ${spec.step}: give every step a timeout and attempts.`);
    return found;
  };
  const at = (index: number): Waiting => ({
    phase: 'forward', index, attempt: 1, timer: undefined, backingOff: false, failures: 0, reason: '',
  });

  async function send(sagaId: string): Promise<void> {
    const state = sagas.get(sagaId);
    if (!state || state.phase === 'ended') return;
    const spec = steps[state.index]!;
    const forward = state.phase === 'forward';
    const key = `${sagaId}/${spec.step}${forward ? '' : '/undo'}`;
    const attempt = state.attempt;
    state.backingOff = false;
    state.timer = clock.setTimer(policyOf(spec).timeoutMs, () => timedOut(sagaId, state, attempt));
    await bus.send(sagaMessage(forward ? spec.step : spec.compensation!, { sagaId, idempotencyKey: key }));
  }

  async function timedOut(sagaId: string, state: SagaState, attempt: number): Promise<void> {
    if (sagas.get(sagaId) !== state || state.phase === 'ended' || state.attempt !== attempt) return;
    const spec = steps[state.index]!;
    state.timer = undefined;
    state.attempt += 1;
    // Compensations never give up, and neither does a step that cannot be undone.
    if (state.phase === 'compensating' || spec.kind !== 'compensatable' || state.attempt <= policyOf(spec).attempts) {
      return send(sagaId);
    }
    return compensateFrom(sagaId, state.index, `${spec.step} did not answer after ${policyOf(spec).attempts} attempts`);
  }

  /** A retriable step failed for a passing reason: ask again later, waiting twice as long each time. */
  function backOff(sagaId: string, state: Waiting): void {
    const spec = steps[state.index]!;
    const wait = backoffMs(policy, spec, state.failures);
    state.failures += 1;
    state.backingOff = true;
    state.attempt += 1;
    state.timer = clock.setTimer(wait, () => send(sagaId));
  }

  async function compensateFrom(sagaId: string, index: number, reason: string): Promise<void> {
    let from = index;
    while (from >= 0 && steps[from]!.kind !== 'compensatable') from -= 1;
    if (from < 0) {
      sagas.set(sagaId, { phase: 'ended' });
      await services.owner.cancel(sagaId, reason);
      return;
    }
    sagas.set(sagaId, { ...at(from), phase: 'compensating', reason });
    await send(sagaId);
  }

  async function onReply(reply: BusMessage<SagaData>): Promise<void> {
    const sagaId = reply.data.sagaId;
    const state = sagas.get(sagaId);
    if (!state || state.phase === 'ended') return;
    const spec = steps[state.index]!;
    const expected = state.phase === 'forward' ? [spec.done, spec.failed] : [spec.compensated];
    // A duplicate or late reply for another step says nothing about the step we wait on.
    if (!expected.includes(reply.type)) return;
    // A second failure while already waiting to retry is the same failure told twice.
    if (state.backingOff && reply.type === spec.failed) return;
    if (state.timer) clock.clearTimer(state.timer);
    if (state.phase === 'compensating') return compensateFrom(sagaId, state.index - 1, state.reason);
    if (reply.type === spec.failed) {
      if (spec.kind === 'retriable') return backOff(sagaId, state);
      return compensateFrom(sagaId, state.index - 1, reply.data.reason ?? `${spec.failed}`);
    }
    if (state.index === steps.length - 1) {
      sagas.set(sagaId, { phase: 'ended' });
      return services.owner.confirm(sagaId);
    }
    sagas.set(sagaId, at(state.index + 1));
    return send(sagaId);
  }

  await bus.onReply(onReply);
  return {
    async start(sagaId) {
      if (sagas.has(sagaId)) return;
      sagas.set(sagaId, at(0));
      await send(sagaId);
    },
  };
}
