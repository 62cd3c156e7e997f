import type { Clock, CommandBus } from '#graders/testkit/bus/message-bus.ts';
import type { SagaServices } from '#graders/testkit/sagas/simulated-services.ts';
import type { SagaData, Workflow } from '#graders/testkit/sagas/workflow.ts';
import { sagaMessage } from './messages.ts';
import type { RetryPolicy } from './retry-policy.ts';

export interface Orchestrator {
  /** Starts the saga for a placed order (or tenant): sends the first command. */
  start(sagaId: string): Promise<void>;
}

/**
 * A state machine per saga that sends commands and waits for replies (`bus.onReply`).
 *
 * - Send each step's command (`step.step`) with `data: { sagaId, idempotencyKey }`; the
 *   reply is `step.done` or `step.failed`. Then the next step; after the last, confirm
 *   with `services.owner.confirm`.
 * - Per step, wait `policy[step].timeoutMs` on `clock.setTimer` (never a real timer), and
 *   send again with the same key. A `compensatable` step is sent up to
 *   `policy[step].attempts` times; then it may have happened, so undo it too.
 * - `failed` from a compensatable step or the pivot means: undo the completed steps in
 *   reverse (`step.compensation`, reply `step.compensated`), then `services.owner.cancel`.
 * - Once the pivot stands, nothing is undone: the pivot is asked until it answers, and a
 *   `retriable` step that fails is sent again after `policy[step].backoffMs`, the wait
 *   doubling each time, until it succeeds.
 * - Compensations are retried until they answer. Replies can come twice or late: ignore
 *   those for another step, and a second failure of the step you already handled.
 */
export async function startOrchestrator(
  bus: CommandBus<SagaData>,
  clock: Clock,
  services: SagaServices,
  workflow: Workflow,
  policy: RetryPolicy,
): Promise<Orchestrator> {
  void [bus, clock, services, workflow, policy, sagaMessage];
  throw new Error('TODO: build the orchestrator state machine (see the comment above startOrchestrator).');
}
