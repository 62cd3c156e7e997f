import { describe, expect, it } from 'vitest';
import type { InMemoryBus } from '#graders/testkit/bus/in-memory-bus.ts';
import type { SagaData, SagaStep } from '#graders/testkit/sagas/workflow.ts';
import { pivotOf } from '#graders/testkit/sagas/workflow.ts';
import { checkoutWorkflow as workflow } from '#graders/testkit/sagas/workflows.ts';
import { checkoutPolicy } from '../src/policies.ts';
import { effectLines, invariantProblems } from './support/saga-invariants.ts';
import { expectNoProblems, runSagas, type PlannedSaga, type Version } from './support/saga-run.ts';
import { titles } from './support/test-titles.ts';

// Each fault the chaos properties may or may not find, staged on purpose, so that a saga
// that mishandles it fails in every run, whatever the seed.

const stepNamed = (name: string): SagaStep => workflow.steps.find((s) => s.step === name)!;
const charge = stepNamed('ChargeCard');
const stock = stepNamed('ReserveStock');
const pivot = pivotOf(workflow);

async function staged(version: Version, saga: PlannedSaga, stage: (bus: InMemoryBus<SagaData>) => void) {
  const run = await runSagas(version, workflow, [saga], [], checkoutPolicy(), stage);
  expectNoProblems(run, invariantProblems(run), 'a staged fault broke a promise');
  return run;
}

/** The first `times` messages for which `match` holds, and no more. */
function first(times: number, match: (type: string, channel: string) => boolean) {
  let seen = 0;
  return (message: { type: string }, channel: string) => match(message.type, channel) && ++seen <= times;
}

const undoneAfterDecline = [`${stock.step} performed`, `${charge.step} failed`, `${stock.step} compensated`];

describe('checkout as orchestration, staged faults', () => {
  it(titles.silentStep(charge.step), async () => {
    // The card is charged every time, but no reply ever comes back.
    const run = await staged('orchestration', { sagaId: 'o1' }, (bus) => bus.loseWhen((m, channel) => channel === 'reply' && m.type === charge.done));
    expect(run.services.statusOf('o1'), `o1 must be cancelled: ${charge.step} never answered\n${run.story()}`).toBe('cancelled');
    expect(effectLines(run, 'o1'), `the card was charged without a reply: refund it, then release the stock\n${run.story()}`)
      .toEqual([`${stock.step} performed`, `${charge.step} performed`, `${charge.step} compensated`, `${stock.step} compensated`]);
    expect(run.bus.clock.elapsedMs(), `o1 ended at ${run.bus.clock.elapsedMs()} ms\n${run.story()}`).toBeLessThanOrEqual(workflow.deadlineMs);
  });

  it(titles.silentPivot(pivot.step), async () => {
    const lost = checkoutPolicy()[pivot.step]!.attempts + 1;
    const run = await staged('orchestration', { sagaId: 'o1' }, (bus) => bus.loseWhen(first(lost, (type, channel) => channel === 'reply' && type === pivot.done)));
    expect(run.services.statusOf('o1'), `${lost} lost replies of ${pivot.step} must not cancel a shipped order\n${run.story()}`).toBe('confirmed');
  });

  it(titles.lostUndo(charge.compensation!), async () => {
    const run = await staged('orchestration', { sagaId: 'o1', failAt: pivot.step }, (bus) =>
      bus.loseWhen(first(5, (type, channel) => channel === 'command' && type === charge.compensation)));
    expect(run.services.statusOf('o1'), `o1 must be cancelled when ${pivot.step} fails\n${run.story()}`).toBe('cancelled');
    expect(effectLines(run, 'o1'), `a lost ${charge.compensation} is sent again until it answers\n${run.story()}`).toEqual([
      `${stock.step} performed`, `${charge.step} performed`, `${pivot.step} failed`, `${charge.step} compensated`, `${stock.step} compensated`,
    ]);
  });

  it(titles.failureTwice(charge.failed), async () => {
    const run = await staged('orchestration', { sagaId: 'o1', failAt: charge.step }, (bus) =>
      bus.duplicateWhen((m, channel) => channel === 'reply' && m.type === charge.failed));
    expect(effectLines(run, 'o1'), run.story()).toEqual(undoneAfterDecline);
  });

  it(titles.sameCommandTwice(`the ${charge.step} command`), async () => {
    const run = await staged('orchestration', { sagaId: 'o1' }, (bus) =>
      bus.duplicateWhen((m, channel) => channel === 'command' && m.type === charge.step));
    expect(run.services.standing('o1', charge.step), `the card stands charged ${run.services.standing('o1', charge.step)} times\n${run.story()}`).toBe(1);
    expect(run.services.statusOf('o1'), run.story()).toBe('confirmed');
  });
});

describe('checkout as choreography, staged faults', () => {
  it(titles.failureTwice(charge.failed), async () => {
    const run = await staged('choreography', { sagaId: 'o1', failAt: charge.step }, (bus) =>
      bus.duplicateWhen((m, channel, recipient) => channel === 'event' && m.type === charge.failed && recipient === stock.service));
    expect(effectLines(run, 'o1'), run.story()).toEqual(undoneAfterDecline);
  });

  it(titles.sameCommandTwice(`the ${stock.done} event`), async () => {
    const run = await staged('choreography', { sagaId: 'o1' }, (bus) =>
      bus.duplicateWhen((m, channel, recipient) => channel === 'event' && m.type === stock.done && recipient === charge.service));
    expect(run.services.standing('o1', charge.step), `the card stands charged ${run.services.standing('o1', charge.step)} times\n${run.story()}`).toBe(1);
    expect(run.services.statusOf('o1'), run.story()).toBe('confirmed');
  });
});
