import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliverySchedules } from '#graders/testkit/bus/delivery-schedule.ts';
import { checkoutWorkflow } from '#graders/testkit/sagas/workflows.ts';
import { checkoutPolicy } from '../src/policies.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { plannedSagas, runSagas, type SagaRun } from './support/saga-run.ts';
import { describePolicy, describeSagaVersion } from './support/saga-spec.ts';
import { titles } from './support/test-titles.ts';

describeSagaVersion('choreography', checkoutWorkflow, checkoutPolicy);
describeSagaVersion('orchestration', checkoutWorkflow, checkoutPolicy);
describePolicy(checkoutWorkflow, checkoutPolicy);

/** Where each saga ended and which steps stand: what a customer would see. */
function outcome(run: SagaRun): string[] {
  return run.sagas.map(({ sagaId }) => {
    const standing = run.workflow.steps.filter((s) => run.services.standing(sagaId, s.step) > 0).map((s) => s.step);
    return `${sagaId} ${run.services.statusOf(sagaId)}, standing: ${standing.join(', ') || 'nothing'}`;
  });
}

describe('checkout, both ways', () => {
  it(titles.sameOutcome, async () => {
    // No losses or delays: timeouts must not fire, so the two versions face the same facts.
    const calmButUnordered = deliverySchedules({ duplicatePercent: 20, lossPercent: 0, maxDelayMs: 0 });
    await assertProperty(
      fc.asyncProperty(plannedSagas(checkoutWorkflow), calmButUnordered, async (sagas, schedule) => {
        const choreography = await runSagas('choreography', checkoutWorkflow, sagas, schedule, checkoutPolicy());
        const orchestration = await runSagas('orchestration', checkoutWorkflow, sagas, schedule, checkoutPolicy());
        expect(outcome(orchestration),
          `the two versions disagree.\nChoreography:\n${choreography.story()}\n\nOrchestration:\n${orchestration.story()}`)
          .toEqual(outcome(choreography));
      }),
      { numRuns: 50 },
    );
  });
});
