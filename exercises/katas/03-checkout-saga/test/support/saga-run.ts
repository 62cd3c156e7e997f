import fc from 'fast-check';
import { expect } from 'vitest';
import type { DeliverySchedule } from '#graders/testkit/bus/delivery-schedule.ts';
import { InMemoryBus, type RunEnd } from '#graders/testkit/bus/in-memory-bus.ts';
import { formatSteps, humanTime } from '#graders/testkit/harness/timeline.ts';
import { serveSteps } from '#graders/testkit/sagas/serve-steps.ts';
import { SimulatedServices } from '#graders/testkit/sagas/simulated-services.ts';
import type { SagaData, Workflow } from '#graders/testkit/sagas/workflow.ts';
import { startChoreography } from '../../src/choreography.ts';
import { startOrchestrator } from '../../src/orchestrator.ts';
import type { RetryPolicy } from '../../src/retry-policy.ts';

// fast-check 4 keeps the failing assertion as the error's cause, which reporters may drop;
// put it in the message, so the learner reads the timeline of the smallest failing run.
fc.configureGlobal({ ...fc.readConfigureGlobal(), includeErrorInReport: true });

/**
 * One saga of a scenario: its id and the step whose service will refuse it, if any (for
 * good before the pivot; `failures` times, default `passingFailures`, for a retriable step).
 */
export interface PlannedSaga {
  sagaId: string;
  failAt?: string;
  failures?: number;
}

export type Version = 'choreography' | 'orchestration';

/** What one run left behind: the services' state, how the run ended, and its story. */
export interface SagaRun {
  version: Version;
  workflow: Workflow;
  sagas: readonly PlannedSaga[];
  services: SimulatedServices;
  bus: InMemoryBus<SagaData>;
  end: RunEnd;
  /** The run as a timeline in domain words, for failure messages. */
  story(): string;
}

/**
 * Places the sagas, runs them through the learner's choreography or orchestrator on the
 * in-memory bus with the given delivery schedule, and returns when nothing is left to do.
 */
export async function runSagas(
  version: Version,
  workflow: Workflow,
  sagas: readonly PlannedSaga[],
  schedule: DeliverySchedule,
  policy: RetryPolicy,
  stage?: (bus: InMemoryBus<SagaData>) => void,
): Promise<SagaRun> {
  const bus = new InMemoryBus<SagaData>({ outsideProducer: workflow.owner });
  stage?.(bus);
  const services = new SimulatedServices(workflow, bus.clock, bus.timeline);
  const story = () => formatSteps(bus.timeline.entries, workflow.timeUnit === 'human' ? { formatTime: humanTime } : {});
  if (version === 'choreography') {
    await startChoreography(bus, bus.clock, services, workflow, policy);
    for (const saga of sagas) {
      services.place(saga.sagaId, saga.failAt, saga.failures);
      await bus.publish({ id: `${saga.sagaId}/placed`, type: workflow.started, key: saga.sagaId, data: { sagaId: saga.sagaId } });
    }
  } else {
    await serveSteps(bus, services, workflow);
    const orchestrator = await startOrchestrator(bus, bus.clock, services, workflow, policy);
    for (const saga of sagas) {
      services.place(saga.sagaId, saga.failAt, saga.failures);
      await orchestrator.start(saga.sagaId);
    }
  }
  const end = await bus.run(schedule, { horizonMs: workflow.deadlineMs * 20, maxDeliveries: 5000 });
  const endings = { quiet: 'nothing left to deliver, no timer pending', horizon: 'gave up waiting: still busy at the horizon', 'delivery-limit': 'stopped after 5000 deliveries' };
  bus.timeline.add(bus.clock.elapsedMs(), `run ended: ${endings[end]}`);
  return { version, workflow, sagas, services, bus, end, story };
}

/** Fails with the problems found, followed by the run's timeline, when there are any. */
export function expectNoProblems(run: SagaRun, problems: readonly string[], what: string): void {
  if (problems.length === 0) return;
  expect.fail(
    `${run.version} of ${run.workflow.name}: ${what}\n  - ${problems.join('\n  - ')}\n\n` +
      `Timeline of this run (fast-check shows the smallest failing one; its seed and path replay it):\n${run.story()}`,
  );
}

/** One to three sagas, each failing at a random step or at none. */
export function plannedSagas(workflow: Workflow): fc.Arbitrary<PlannedSaga[]> {
  const failAt = fc.option(fc.constantFrom(...workflow.steps.map((s) => s.step)), { nil: undefined });
  return fc
    .array(failAt, { minLength: 1, maxLength: 3 })
    .map((fails) => fails.map((step, i) => (step === undefined ? { sagaId: `o${i + 1}` } : { sagaId: `o${i + 1}`, failAt: step })));
}
