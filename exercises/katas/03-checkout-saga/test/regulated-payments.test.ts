import { describe, expect, it } from 'vitest';
import { regulatedCheckoutWorkflow } from '#graders/testkit/sagas/workflows.ts';
import { regulatedCheckoutPolicy } from '../src/policies.ts';
import { invariantProblems } from './support/saga-invariants.ts';
import { expectNoProblems, runSagas } from './support/saga-run.ts';
import { describePolicy, describeSagaVersion } from './support/saga-spec.ts';

describePolicy(regulatedCheckoutWorkflow, regulatedCheckoutPolicy);
describeSagaVersion('orchestration', regulatedCheckoutWorkflow, regulatedCheckoutPolicy);

describe('regulated checkout', () => {
  it('confirms a paid order although the gateway loses its first two replies, charging the card once', async () => {
    const { steps } = regulatedCheckoutWorkflow;
    const charged = steps.find((s) => s.step === 'ChargeCard')!.done;
    let lost = 0;
    const run = await runSagas('orchestration', regulatedCheckoutWorkflow, [{ sagaId: 'o1' }], [], regulatedCheckoutPolicy(), (bus) =>
      bus.loseWhen((message, channel) => channel === 'reply' && message.type === charged && ++lost <= 2));
    expectNoProblems(run, invariantProblems(run), 'the order broke a promise');
    expect(run.services.statusOf('o1'), `a regulated order must not be cancelled for two lost replies\n${run.story()}`).toBe('confirmed');
  });
});
