import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import { fleetPlan, type RolloutPlan } from '../../src/ota.ts';
import { RolloutOrchestrator } from '../../src/rollout.ts';

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;
export const start = Date.parse('2026-03-02T08:00:00.000Z');
export const oldVersion = '4.1.0';
export const newVersion = '4.2.0';

/** Device ids dev-00000, dev-00001, ... in fleet order. */
export const fleetOf = (size: number) => Array.from({ length: size }, (_, i) => `dev-${String(i).padStart(5, '0')}`);

/**
 * A started rollout of the kata's plan (canary 1%, 10%, 50%, 100%; above 1% rolls back;
 * 30 minutes to report; 4 hours of soak; evaluated every 5 minutes) over a fleet on 4.1.0,
 * with helpers that act as the devices.
 */
export function startRollout(size: number, plan: RolloutPlan = fleetPlan('ota-42', oldVersion, newVersion)) {
  const clock = new VirtualClock(start);
  const fleet = fleetOf(size);
  const rollout = new RolloutOrchestrator(fleet, plan, clock);
  rollout.start();
  return {
    clock,
    fleet,
    rollout,
    /** The devices the rollout chose for stage `index`. */
    stage: (index: number) => fleet.filter((id) => rollout.stageOf(id) === index),
    /** Moves the virtual clock to `ms` after the start, firing the evaluations due. */
    at: (ms: number) => clock.advanceTo(ms),
    /** Each device connects on the old version and is told what to run. */
    connect: (ids: readonly string[], running = oldVersion) => ids.map((id) => rollout.connect(id, running)),
    /** Each device reports (`times` copies, as MQTT at-least-once may deliver). */
    report: (ids: readonly string[], outcome: 'healthy' | 'failed', times = 1) => {
      for (const deviceId of ids) for (let i = 0; i < times; i += 1) rollout.report({ deviceId, rolloutId: plan.rolloutId, outcome });
    },
    startedAt: (stageIndex: number) => rollout.status().history.find((e) => e.type === 'StageStarted' && e.stage === stageIndex)?.at,
  };
}
