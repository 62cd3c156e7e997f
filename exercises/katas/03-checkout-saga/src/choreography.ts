import type { Clock, EventBus } from '#graders/testkit/bus/message-bus.ts';
import type { SagaServices } from '#graders/testkit/sagas/simulated-services.ts';
import type { SagaData, Workflow } from '#graders/testkit/sagas/workflow.ts';
import { sagaMessage } from './messages.ts';
import type { RetryPolicy } from './retry-policy.ts';

/**
 * Registers every service's reactions: one `bus.subscribe` per service (use `step.service`
 * as its name, and `workflow.owner` for the order service). No one holds the saga's state.
 *
 * - A step's service reacts to the event before it (`workflow.started`, or the previous
 *   step's `done`): `services.perform(step.step, ...)`, then publishes `done` or `failed`.
 * - A `compensatable` step also reacts to the next step's `failed` or `compensated` event:
 *   it undoes its own step with `services.compensate` and publishes its `compensated` event.
 * - The `pivot` has no compensation: once it stands, the order goes ahead.
 * - A `retriable` step (after the pivot) that fails is asked again after
 *   `policy[step].backoffMs` on `clock.setTimer` (never `setTimeout`), the wait doubling
 *   each time, until it succeeds. Its failure never undoes anything.
 * - The owner confirms on the last step's `done` and publishes `workflow.completed`; it
 *   cancels on the first step's `failed` or `compensated` and publishes `workflow.cancelled`.
 *
 * Events arrive at least once: give every perform and compensate an idempotency key that
 * stays the same when the same event comes again.
 */
export async function startChoreography(
  bus: EventBus<SagaData>,
  clock: Clock,
  services: SagaServices,
  workflow: Workflow,
  policy: RetryPolicy,
): Promise<void> {
  void [bus, clock, services, workflow, policy, sagaMessage];
  throw new Error('TODO: subscribe each service to the events it reacts to (see the comment above startChoreography).');
}
