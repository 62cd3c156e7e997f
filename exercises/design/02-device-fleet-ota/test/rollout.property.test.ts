import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { aFleet, certainFailure, type Connection, describeRun, propertyPlan, silentAtDeadline, simulate, stageSizes, type Run } from './support/fleet-simulation.ts';

const plan = propertyPlan;
// Each case simulates four days of a fleet of up to 200 devices, so shrinking a failure would
// run hundreds of simulations: the first failing fleet is reported as found (with its stages
// and decisions), and the example tests in rollout.test.ts tell the same mistakes in small.
const searching = { numRuns: 30, endOnFailure: true };
const stageStart = (run: Run, stage: number) => run.status.history.find((e) => e.type === 'StageStarted' && e.stage === stage)?.at;

describe('the staged rollout over generated fleets, connections and failures', () => {
  it('never offers the new version outside a running rollout and the device\'s own stage, and sends every updated device back after a rollback', async () => {
    await assertProperty(
      fc.asyncProperty(aFleet, async (profiles) => {
        const run = await simulate(profiles);
        // Decisions and connections in the order they happened (see Run.seenAfter).
        const seen = (found: (e: Run['status']['history'][number]) => boolean) => {
          const i = run.status.history.findIndex(found);
          return i < 0 ? undefined : run.seenAfter[i]!;
        };
        const rollback = seen((e) => e.type === 'RolloutRolledBack');
        const starts = run.status.stages.map((_, stage) => seen((e) => e.type === 'StageStarted' && e.stage === stage));
        // The message is built only for a connection that breaks a rule: there are tens of thousands.
        const why = (c: Connection, rule: string) => `${describeRun(run)}\n${c.deviceId} (stage ${run.stageOf.get(c.deviceId)}) connected at ${new Date(c.at).toISOString()} on ${c.running} and was told ${c.answer}: ${rule}`;
        run.connections.forEach((c, i) => {
          const started = starts[run.stageOf.get(c.deviceId)!];
          const afterRollback = rollback !== undefined && i >= rollback;
          if (c.answer === plan.toVersion && (started === undefined || started > i)) expect.fail(why(c, 'its stage had not started'));
          if (c.answer === plan.toVersion && afterRollback) expect.fail(why(c, 'the rollout had been rolled back'));
          if (afterRollback && c.running === plan.toVersion && c.answer !== plan.fromVersion) expect.fail(why(c, `after the rollback it should go back to ${plan.fromVersion}`));
        });
      }),
      searching,
    );
  });

  it('sizes each stage, rolls back every stage whose certain failures exceed 1% of its devices, completes a rollout with no failure, and counts each device once', async () => {
    await assertProperty(
      fc.asyncProperty(aFleet, async (profiles) => {
        const run = await simulate(profiles);
        const why = describeRun(run);
        expect(run.status.stages.map((s) => s.devices), `${why}\nstage sizes of a fleet of ${run.fleet.length}`).toEqual(stageSizes(run.fleet.length));
        run.status.stages.forEach((stage, i) => {
          const ids = run.fleet.filter((id) => run.stageOf.get(id) === i);
          const certain = ids.filter((id) => certainFailure(run, id)).length;
          if (certain > plan.maxFailureRate * ids.length) {
            expect(run.status.state, `${why}\nstage ${stage.name}: ${certain} of ${ids.length} devices certainly failed`).toBe('rolled-back');
            expect(stageStart(run, i + 1), `${why}\nstage ${i + 1} started after stage ${stage.name} failed`).toBeUndefined();
          }
          const delivered = ids.filter((id) => run.deliveredAt.has(id));
          const healthy = delivered.filter((id) => run.reported.get(id)?.outcome === 'healthy');
          expect([stage.delivered, stage.healthy, stage.failed], `${why}\nstage ${stage.name}: [delivered, healthy, failed] four days on`).toEqual([delivered.length, healthy.length, delivered.length - healthy.length]);
        });
        const clean = run.fleet.every((id) => ['healthy', 'dark'].includes(run.profiles.get(id)!.outcome) && !silentAtDeadline(run, id));
        if (clean) expect(run.status.state, `${why}\nno device failed or went silent`).toBe('completed');
      }),
      searching,
    );
  });

  it('starts a stage only after the previous one soaked and every report deadline of it passed', async () => {
    await assertProperty(
      fc.asyncProperty(aFleet, async (profiles) => {
        const run = await simulate(profiles);
        for (let i = 1; i < run.status.stages.length; i += 1) {
          const at = stageStart(run, i);
          if (at === undefined) break;
          const previous = stageStart(run, i - 1)!;
          expect(at - previous, `${describeRun(run)}\nstage ${i} started before stage ${i - 1} soaked`).toBeGreaterThanOrEqual(plan.soakMs);
          for (const id of run.fleet.filter((d) => run.stageOf.get(d) === i - 1)) {
            const delivered = run.deliveredAt.get(id);
            // The simulation connects devices after the clock has moved, so one updated at the very ms of the decision came after it.
            if (delivered === undefined || delivered >= at) continue;
            const reported = run.reported.get(id)?.at ?? Infinity;
            expect(Math.min(reported, delivered + plan.reportDeadlineMs), `${describeRun(run)}\nstage ${i} started while ${id}, updated at ${new Date(delivered).toISOString()}, could still report`).toBeLessThanOrEqual(at);
          }
        }
      }),
      searching,
    );
  });
});
