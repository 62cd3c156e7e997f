import type { EventBus } from '#graders/testkit/bus/message-bus.ts';
import type { SagaServices } from '#graders/testkit/sagas/simulated-services.ts';
import type { SagaData, Workflow } from '#graders/testkit/sagas/workflow.ts';
import { sagaMessage } from './messages.ts';

/**
 * Registers every service's reactions: one `bus.subscribe` per service (use `step.service`
 * as its name, and `workflow.owner` for the order service). No one holds the saga's state.
 *
 * - A step's service reacts to the event before it (`workflow.started`, or the previous
 *   step's `done`): `services.perform(step.step, ...)`, then publishes `done` or `failed`.
 * - It also reacts to the next step's `failed` or `compensated` event: it undoes its own
 *   step with `services.compensate` and publishes its `compensated` event.
 * - The owner confirms on the last step's `done` and publishes `workflow.completed`; it
 *   cancels on the first step's `failed` or `compensated` and publishes `workflow.cancelled`.
 *
 * Events arrive at least once: give every perform and compensate an idempotency key that
 * stays the same when the same event comes again.
 */
export async function startChoreography(bus: EventBus<SagaData>, services: SagaServices, workflow: Workflow): Promise<void> {
  void [bus, services, workflow, sagaMessage];
  throw new Error('TODO: subscribe each service to the events it reacts to (see the comment above startChoreography).');
}
