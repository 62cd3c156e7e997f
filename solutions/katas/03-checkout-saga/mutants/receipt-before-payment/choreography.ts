// MUTANT: the email service sends the receipt as soon as stock is reserved, before the card is charged.
import type { EventBus } from '#graders/testkit/bus/message-bus.ts';
import type { SagaServices } from '#graders/testkit/sagas/simulated-services.ts';
import type { SagaData, Workflow } from '#graders/testkit/sagas/workflow.ts';
import { sagaMessage } from './messages.ts';

/**
 * Every service reacts to the event before it: the owner's start event or the previous
 * step's success. Failure travels back the same way: a step's failure (or its undo) makes
 * the step before undo itself, until the first step's undo tells the owner to cancel.
 * No one holds the saga's state; it is spread over the services' records and the log.
 */
export async function startChoreography(bus: EventBus<SagaData>, services: SagaServices, workflow: Workflow): Promise<void> {
  const { steps } = workflow;
  for (const [index, spec] of steps.entries()) {
    const trigger = index === 0 ? workflow.started : index === steps.length - 1 ? steps[0]!.done : steps[index - 1]!.done;
    const next = steps[index + 1];
    const comeBack = next ? [next.failed, ...(next.compensated ? [next.compensated] : [])] : [];
    await bus.subscribe(spec.service, [trigger, ...comeBack], async (event) => {
      const { sagaId } = event.data;
      // One key per saga and step: a redelivered trigger finds the first answer.
      const idempotencyKey = `${sagaId}/${spec.step}`;
      if (event.type === trigger) {
        const result = await services.perform(spec.step, { sagaId, idempotencyKey });
        await bus.publish(
          sagaMessage(result.ok ? spec.done : spec.failed, result.ok ? { sagaId } : { sagaId, reason: result.reason }, event),
        );
      } else {
        await services.compensate(spec.step, { sagaId, idempotencyKey: `${idempotencyKey}/undo` });
        await bus.publish(sagaMessage(spec.compensated!, { sagaId }, event));
      }
    });
  }
  const first = steps[0]!;
  const last = steps.at(-1)!;
  await bus.subscribe(workflow.owner, [last.done, first.failed, first.compensated!], async (event) => {
    const { sagaId } = event.data;
    if (event.type === last.done) {
      await services.owner.confirm(sagaId);
      await bus.publish(sagaMessage(workflow.completed, { sagaId }, event));
    } else {
      const reason = event.data.reason ?? `${event.type} after a later step failed`;
      await services.owner.cancel(sagaId, reason);
      await bus.publish(sagaMessage(workflow.cancelled, { sagaId, reason }, event));
    }
  });
}
