import type { BusMessage, CommandBus } from '../bus/message-bus.ts';
import type { SagaServices } from './simulated-services.ts';
import type { SagaData, Workflow } from './workflow.ts';

/**
 * The services' side of orchestration: each step's command and its compensation are served
 * by the simulated service, which replies after the step's duration. The learner writes
 * the orchestrator that sends these commands, not these handlers.
 */
export async function serveSteps(bus: CommandBus<SagaData>, services: SagaServices, workflow: Workflow): Promise<void> {
  for (const spec of workflow.steps) {
    await bus.serve([spec.step], async (command) => {
      const result = await services.perform(spec.step, requestOf(command));
      return reply(command, result.ok ? spec.done : spec.failed, result.ok ? undefined : result.reason);
    }, { replyAfterMs: spec.durationMs });
    if (spec.compensation && spec.compensated) {
      const compensated = spec.compensated;
      await bus.serve([spec.compensation], async (command) => {
        await services.compensate(spec.step, requestOf(command));
        return reply(command, compensated);
      }, { replyAfterMs: spec.durationMs });
    }
  }
}

function requestOf(command: BusMessage<SagaData>) {
  const { sagaId, idempotencyKey } = command.data ?? ({} as SagaData);
  if (typeof sagaId !== 'string') {
    throw new Error(`Command ${command.type} has no data.sagaId (got ${JSON.stringify(command.data)}): every saga message carries it.`);
  }
  return idempotencyKey === undefined ? { sagaId } : { sagaId, idempotencyKey };
}

function reply(command: BusMessage<SagaData>, type: string, reason?: string): BusMessage<SagaData> {
  const { sagaId } = command.data;
  return {
    id: `${command.id}/reply`,
    type,
    key: command.key,
    causationId: command.id,
    data: reason === undefined ? { sagaId } : { sagaId, reason },
  };
}
