import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliverySchedules } from '#graders/testkit/bus/delivery-schedule.ts';
import type { Workflow } from '#graders/testkit/sagas/workflow.ts';
import type { RetryPolicy } from '../../src/retry-policy.ts';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { attemptGaps, effectLines, expectedEffects, invariantProblems } from './saga-invariants.ts';
import { expectNoProblems, plannedSagas, runSagas, type Version } from './saga-run.ts';
import { titles } from './test-titles.ts';

/** The longest a delivery waits under chaos: long enough to outlast a step's timeout. */
export const chaosDelayMs = (workflow: Workflow) => Math.max(...workflow.steps.map((s) => s.durationMs)) * 4;

/** The behaviours one version (choreography or orchestration) must show for one workflow. */
export function describeSagaVersion(version: Version, workflow: Workflow, policy: () => RetryPolicy): void {
  const run = (sagas: Parameters<typeof runSagas>[2], schedule: Parameters<typeof runSagas>[3] = []) =>
    runSagas(version, workflow, sagas, schedule, policy());
  const chaos = deliverySchedules({
    duplicatePercent: 20,
    lossPercent: version === 'orchestration' ? 15 : 0,
    maxDelayMs: version === 'orchestration' ? chaosDelayMs(workflow) : 0,
  });

  describe(`${workflow.name} as ${version}`, () => {
    it(titles.happyPath, async () => {
      const result = await run([{ sagaId: 'o1' }]);
      expect(result.services.statusOf('o1'), `o1 must be confirmed\n${result.story()}`).toBe('confirmed');
      expect(effectLines(result, 'o1'), result.story()).toEqual(expectedEffects(result, undefined));
    });

    for (const { step } of workflow.steps.filter((s) => s.kind === 'retriable')) {
      it(titles.retriedAt(step), async () => {
        const result = await run([{ sagaId: 'o1', failAt: step }]);
        expectNoProblems(result, invariantProblems(result), `a failure of ${step} after the pivot broke a promise`);
        expect(result.services.statusOf('o1'), `o1 must be confirmed: ${step} comes after the pivot\n${result.story()}`).toBe('confirmed');
        expect(effectLines(result, 'o1'), `what the services did for o1\n${result.story()}`).toEqual(expectedEffects(result, step));
        const gaps = attemptGaps(result, 'o1', step);
        expect(gaps.every((gap, i) => gap > (i === 0 ? 0 : gaps[i - 1]!)),
          `${step} was asked again after waits of ${gaps.join(', ')} ms: each wait must be longer than the one before\n${result.story()}`)
          .toBe(true);
      });
    }

    for (const { step } of workflow.steps.filter((s) => s.kind !== 'retriable')) {
      it(titles.failureAt(step), async () => {
        const result = await run([{ sagaId: 'o1', failAt: step }]);
        expect(result.services.statusOf('o1'), `o1 must be cancelled when ${step} fails\n${result.story()}`).toBe('cancelled');
        expect(effectLines(result, 'o1'), `what the services did for o1\n${result.story()}`).toEqual(expectedEffects(result, step));
      });
    }

    it(titles.calmDeadline(workflow), async () => {
      const sagas = [{ sagaId: 'o1' }, ...workflow.steps.map((s, i) => ({ sagaId: `o${i + 2}`, failAt: s.step }))];
      const result = await run(sagas);
      expectNoProblems(result, invariantProblems(result), 'a calm run broke a promise');
      expect(result.bus.clock.elapsedMs(), `the last saga ended at ${result.bus.clock.elapsedMs()} ms\n${result.story()}`)
        .toBeLessThanOrEqual(workflow.deadlineMs);
    });

    it(titles.chaos(version), async () => {
      await assertProperty(
        fc.asyncProperty(plannedSagas(workflow), chaos, async (sagas, schedule) => {
          const result = await run(sagas, schedule);
          expectNoProblems(result, invariantProblems(result), 'a saga broke a promise');
        }),
        { numRuns: 100 },
      );
    });
  });
}

/** The retry and timeout policy, checked against the workflow it is for. */
export function describePolicy(workflow: Workflow, policy: () => RetryPolicy): void {
  describe(`the retry policy for ${workflow.name}`, () => {
    it('gives every step a timeout and at least two attempts', () => {
      const given = policy();
      for (const { step } of workflow.steps) {
        const entry = given[step];
        expect(entry, `no policy for ${step}`).toBeDefined();
        expect(Number.isInteger(entry!.attempts) && entry!.attempts >= 2, `${step}: attempts must be a whole number of 2 or more`).toBe(true);
        expect(entry!.timeoutMs, `${step}: timeoutMs must be a positive number`).toBeGreaterThan(0);
      }
    });

    it('gives every retriable step a back-off to start from', () => {
      const given = policy();
      for (const { step } of workflow.steps.filter((s) => s.kind === 'retriable')) {
        expect(given[step]?.backoffMs, `${step} is retried after the pivot: give it a backoffMs greater than 0`).toBeGreaterThan(0);
      }
    });

    it('waits longer than each service usually takes to answer', () => {
      const given = policy();
      for (const { step, durationMs } of workflow.steps) {
        expect(given[step]?.timeoutMs, `${step} usually answers after ${durationMs} ms; wait longer than that`).toBeGreaterThan(durationMs);
      }
    });

    it('fits the worst case, every attempt of every step timing out, inside the deadline', () => {
      const given = policy();
      const worst = workflow.steps.reduce((sum, { step }) => sum + (given[step]?.timeoutMs ?? Infinity) * (given[step]?.attempts ?? 1), 0);
      expect(worst, `every attempt timing out takes ${worst} ms; the ${workflow.name} deadline is ${workflow.deadlineMs} ms`)
        .toBeLessThanOrEqual(workflow.deadlineMs);
    });
  });
}
