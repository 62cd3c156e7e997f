import type { BusMessage, Clock, EventBus } from '#graders/testkit/bus/message-bus.ts';
import type { SagaServices } from '#graders/testkit/sagas/simulated-services.ts';
import type { SagaData, SagaStep, Workflow } from '#graders/testkit/sagas/workflow.ts';
import { sagaMessage } from './messages.ts';
import { backoffMs } from './backoff.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { subscribeOwner } from './saga-owner.ts';

/**
 * The same choreography as the reference, with one design choice made the other way: a
 * retriable step's failure is published as a fact (`ReceiptBounced`), and the failing
 * service itself reacts to that fact by asking again after a back-off. The log then tells
 * support how often a receipt bounced; no other service reacts, so nothing is undone.
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
    const ownFailure = spec.kind === 'retriable' ? [spec.failed] : [];
    // Failures already acted on, by event id: a redelivered fact schedules no second retry.
    const retried = new Set<string>();
    const failuresInARow = new Map<string, number>();
    await bus.subscribe(spec.service, [trigger, ...comeBack, ...ownFailure], async (event) => {
      const { sagaId } = event.data;
      const idempotencyKey = `${sagaId}/${spec.step}`;
      if (event.type === trigger) return perform(spec, event, idempotencyKey);
      if (event.type === spec.failed) {
        if (retried.has(event.id)) return;
        retried.add(event.id);
        const failures = failuresInARow.get(sagaId) ?? 0;
        failuresInARow.set(sagaId, failures + 1);
        clock.setTimer(backoffMs(policy, spec, failures), () => perform(spec, event, idempotencyKey));
        return;
      }
      await services.compensate(spec.step, { sagaId, idempotencyKey: `${idempotencyKey}/undo` });
      await bus.publish(sagaMessage(spec.compensated!, { sagaId }, event));
    });
  }

  async function perform(spec: SagaStep, cause: BusMessage<SagaData>, idempotencyKey: string): Promise<void> {
    const { sagaId } = cause.data;
    const result = await services.perform(spec.step, { sagaId, idempotencyKey });
    await bus.publish(sagaMessage(result.ok ? spec.done : spec.failed, result.ok ? { sagaId } : { sagaId, reason: result.reason }, cause));
  }

  await subscribeOwner(bus, services, workflow);
}
