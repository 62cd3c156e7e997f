import type { BusMessage, Clock, EventBus } from '#graders/testkit/bus/message-bus.ts';
import type { SagaServices } from '#graders/testkit/sagas/simulated-services.ts';
import type { SagaData, SagaStep, Workflow } from '#graders/testkit/sagas/workflow.ts';
import { sagaMessage } from './messages.ts';
import { backoffMs } from './backoff.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { subscribeOwner } from './saga-owner.ts';

/**
 * Every service reacts to the event before it: the owner's start event or the previous
 * step's success. Failure travels back only as far as the pivot allows: a failure of a
 * compensatable step or of the pivot makes the step before undo itself, and so on until the
 * first step's undo tells the owner to cancel. After the pivot nothing travels back: a
 * retriable step that fails asks itself again after a back-off, and publishes nothing until
 * it succeeds. No one holds the saga's state; it is spread over the services and the log.
 */
export async function startChoreography(
  bus: EventBus<SagaData>,
  clock: Clock,
  services: SagaServices,
  workflow: Workflow,
  policy: RetryPolicy,
): Promise<void> {
  const { steps } = workflow;
  for (const [index, spec] of steps.entries()) {
    const trigger = index === 0 ? workflow.started : steps[index - 1]!.done;
    const next = steps[index + 1];
    const comeBack = spec.kind === 'compensatable' && next ? [next.failed, ...(next.compensated ? [next.compensated] : [])] : [];
    await bus.subscribe(spec.service, [trigger, ...comeBack], async (event) => {
      const { sagaId } = event.data;
      // One key per saga and step: a redelivered trigger finds the first answer.
      const idempotencyKey = `${sagaId}/${spec.step}`;
      if (event.type === trigger) return perform(spec, event, idempotencyKey, 0);
      await services.compensate(spec.step, { sagaId, idempotencyKey: `${idempotencyKey}/undo` });
      await bus.publish(sagaMessage(spec.compensated!, { sagaId }, event));
    });
  }

  async function perform(spec: SagaStep, cause: BusMessage<SagaData>, idempotencyKey: string, failures: number): Promise<void> {
    const { sagaId } = cause.data;
    const result = await services.perform(spec.step, { sagaId, idempotencyKey });
    if (!result.ok && spec.kind === 'retriable') {
      // Going back is not an option after the pivot: wait twice as long each time, ask again.
      clock.setTimer(backoffMs(policy, spec, failures), () => perform(spec, cause, idempotencyKey, failures + 1));
      return;
    }
    await bus.publish(sagaMessage(result.ok ? spec.done : spec.failed, result.ok ? { sagaId } : { sagaId, reason: result.reason }, cause));
  }

  await subscribeOwner(bus, services, workflow);
}
