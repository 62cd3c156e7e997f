import type { EventBus } from '#graders/testkit/bus/message-bus.ts';
import type { SagaServices } from '#graders/testkit/sagas/simulated-services.ts';
import type { SagaData, Workflow } from '#graders/testkit/sagas/workflow.ts';
import { sagaMessage } from './messages.ts';

/** The owner's part of the choreography: confirm on the last step's success, cancel once the first step is undone or failed. */
export async function subscribeOwner(bus: EventBus<SagaData>, services: SagaServices, workflow: Workflow): Promise<void> {
  const first = workflow.steps[0]!;
  const last = workflow.steps.at(-1)!;
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
