import fc from 'fast-check';
import { VirtualClock } from '#graders/testkit/faults/virtual-clock.ts';
import { fleetPlan, type RolloutPlan, type RolloutStatus } from '../../src/ota.ts';
import { RolloutOrchestrator } from '../../src/rollout.ts';
import { fleetOf, minute, newVersion, oldVersion, start } from './fleet.ts';

/** What the new image does to one device. `dark`: it works, but the device loses its link right after installing and reports days later. */
export type Outcome = 'healthy' | 'failed' | 'bricked' | 'dark';

export interface DeviceProfile {
  outcome: Outcome;
  /** Minutes after the start during which the device cannot connect (days, for some). */
  offline?: { from: number; to: number };
  /** How long a `dark` device stays away after installing, in minutes. */
  darkFor: number;
  /** Copies of its report that arrive (MQTT QoS 1 delivers at least once). */
  copies: number;
  /** Minutes after installing before it has a verdict to report (inside the 30-minute deadline). */
  reportAfter: number;
  /** It connects every `every` minutes (10 or 20), at minutes `phase` + k x `every`. */
  every: number;
  phase: number;
}

/**
 * The devices connect every 10 or 20 minutes when they can; the plan is the kata's with a
 * 30-minute soak, to keep runs short and to make devices updated near a stage's end common.
 */
export const stepMinutes = 10;
export const horizonMinutes = 4 * 24 * 60;
export const propertyPlan: RolloutPlan = { ...fleetPlan('ota-42', oldVersion, newVersion), soakMs: 30 * minute };

export const aFleet = fc.array(
  fc.record({
    outcome: fc.oneof({ weight: 20, arbitrary: fc.constant<Outcome>('healthy') }, { weight: 1, arbitrary: fc.constantFrom<Outcome>('failed', 'bricked', 'dark') }),
    offline: fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.record({ from: fc.integer({ min: 0, max: 600 }), minutes: fc.integer({ min: 60, max: 3 * 24 * 60 }) }).map(({ from, minutes }) => ({ from, to: from + minutes })) },
    ),
    /** null: every 10 minutes; otherwise every 20, at this phase. */
    slow: fc.constantFrom(null, 0, 10),
    darkFor: fc.integer({ min: 40, max: 2 * 24 * 60 }),
    copies: fc.integer({ min: 1, max: 3 }),
    reportAfter: fc.constantFrom(10, 20),
  }).map(({ offline, slow, ...p }): DeviceProfile => {
    const timing = { ...p, every: slow === null ? 10 : 20, phase: slow ?? 0 };
    return offline === null ? timing : { ...timing, offline };
  }),
  // size 'max': fleets of every size up to 200, not only the small ones fast-check prefers,
  // so that one failure is sometimes under 1% of the fleet and over 1% of its stage.
  { minLength: 5, maxLength: 200, size: 'max' },
);

export interface Connection {
  at: number;
  deviceId: string;
  running: string;
  answer: string;
}

export interface Run {
  fleet: string[];
  profiles: Map<string, DeviceProfile>;
  stageOf: Map<string, number>;
  connections: Connection[];
  /** When each device installed the new version (ms since the epoch). */
  deliveredAt: Map<string, number>;
  /** When each device's first report arrived, and what it said. */
  reported: Map<string, { at: number; outcome: 'healthy' | 'failed' }>;
  status: RolloutStatus;
  /**
   * For each entry of `status.history`, the number of connections made before it was seen:
   * a decision taken during a report at 10:10 comes after the connections before that report,
   * though they share the millisecond.
   */
  seenAfter: number[];
}

/**
 * Runs the rollout over the generated fleet for four days of virtual time: every 10 minutes
 * each device that can connect first sends the reports it owes, then asks what to run and
 * installs it (every 10 or 20 minutes, as its profile says). A bricked device never connects again; a dark one comes back after `darkFor`.
 */
export async function simulate(profiles: readonly DeviceProfile[], plan: RolloutPlan = propertyPlan): Promise<Run> {
  const clock = new VirtualClock(start);
  const fleet = fleetOf(profiles.length);
  const byId = new Map(fleet.map((id, i) => [id, profiles[i]!]));
  const rollout = new RolloutOrchestrator(fleet, plan, clock);
  const stageOf = new Map(fleet.map((id) => [id, rollout.stageOf(id)]));
  const running = new Map(fleet.map((id) => [id, oldVersion]));
  const owes = new Map<string, { outcome: 'healthy' | 'failed'; from: number }>();
  const awayUntil = new Map<string, number>();
  const bricked = new Set<string>();
  const run: Run = { fleet, profiles: byId, stageOf, connections: [], deliveredAt: new Map(), reported: new Map(), status: rollout.status(), seenAfter: [] };
  const observe = () => {
    for (let n = rollout.status().history.length; run.seenAfter.length < n; ) run.seenAfter.push(run.connections.length);
  };
  rollout.start();
  observe();
  for (let t = 0; t <= horizonMinutes; t += stepMinutes) {
    await clock.advanceTo(t * minute);
    observe();
    const now = start + t * minute;
    for (const deviceId of fleet) {
      const profile = byId.get(deviceId)!;
      if ((t - profile.phase) % profile.every !== 0) continue;
      if (bricked.has(deviceId) || (awayUntil.get(deviceId) ?? 0) > t) continue;
      if (profile.offline && t >= profile.offline.from && t < profile.offline.to) continue;
      const owed = owes.get(deviceId);
      if (owed !== undefined && t >= owed.from) {
        owes.delete(deviceId);
        for (let c = 0; c < profile.copies; c += 1) rollout.report({ deviceId, rolloutId: plan.rolloutId, outcome: owed.outcome });
        if (!run.reported.has(deviceId)) run.reported.set(deviceId, { at: now, outcome: owed.outcome });
        observe();
      }
      const was = running.get(deviceId)!;
      const answer = rollout.connect(deviceId, was);
      run.connections.push({ at: now, deviceId, running: was, answer });
      if (answer === was) continue;
      running.set(deviceId, answer);
      if (answer !== plan.toVersion || run.deliveredAt.has(deviceId)) continue;
      run.deliveredAt.set(deviceId, now);
      if (profile.outcome === 'bricked') bricked.add(deviceId);
      else owes.set(deviceId, { outcome: profile.outcome === 'failed' ? 'failed' : 'healthy', from: t + profile.reportAfter });
      if (profile.outcome === 'dark') awayUntil.set(deviceId, t + profile.darkFor);
    }
  }
  run.status = rollout.status();
  return run;
}

/** The course's stage sizes: each stage reaches its share of the fleet, rounded up. */
export const stageSizes = (fleetSize: number, plan: RolloutPlan = propertyPlan) =>
  plan.stages.map((s) => Math.ceil((fleetSize * s.percent) / 100)).map((upTo, i, all) => upTo - (i === 0 ? 0 : all[i - 1]!));

/** A device whose failure no timing can hide: online throughout, and failing or bricked. */
export const certainFailure = (run: Run, id: string) => {
  const profile = run.profiles.get(id)!;
  return profile.offline === undefined && run.deliveredAt.has(id) && (profile.outcome === 'failed' || profile.outcome === 'bricked');
};

/** Whether the device was given the update and sent nothing within its report deadline. */
export const silentAtDeadline = (run: Run, id: string, plan: RolloutPlan = propertyPlan) => {
  const delivered = run.deliveredAt.get(id);
  if (delivered === undefined) return false;
  const reported = run.reported.get(id);
  return reported === undefined || reported.at > delivered + plan.reportDeadlineMs;
};

/** One line per stage and decision, for a failing property's message. */
export function describeRun(run: Run): string {
  const stages = run.status.stages.map((s, i) => {
    const ids = run.fleet.filter((id) => run.stageOf.get(id) === i);
    const count = (o: Outcome) => ids.filter((id) => run.profiles.get(id)!.outcome === o).length;
    return `  stage ${s.name}: ${s.devices} devices (${count('failed')} failing, ${count('bricked')} bricked, ${count('dark')} dark, ${ids.filter((id) => run.profiles.get(id)!.offline).length} offline for a while); counted delivered ${s.delivered}, healthy ${s.healthy}, failed ${s.failed}`;
  });
  const history = run.status.history.map((e) => `  ${new Date(e.at).toISOString()} ${e.type}${'stage' in e ? ` stage ${e.stage}` : ''}${'failureRate' in e ? ` at ${(e.failureRate * 100).toFixed(2)}%` : ''}`);
  return [`Fleet of ${run.fleet.length}, final state ${run.status.state}:`, ...stages, 'Decisions:', ...history].join('\n');
}
