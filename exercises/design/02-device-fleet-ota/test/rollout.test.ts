import { describe, expect, it } from 'vitest';
import { day, hour, minute, newVersion, oldVersion, start, startRollout } from './support/fleet.ts';

// Times below are after the start; the rollout evaluates every 5 minutes from it (5, 10, ...
// minutes), and events are placed off those ticks so that a design that evaluates more often
// (on every report, at every deadline) reaches the same decisions.

describe('the staged rollout (canary, 10%, 50%, 100%; rollback above 1%)', () => {
  it('offers the update only to devices of started stages', () => {
    const { stage, connect } = startRollout(1_000);
    expect(connect(stage(0))).toEqual(Array(10).fill(newVersion));
    expect(connect(stage(1).slice(0, 3))).toEqual([oldVersion, oldVersion, oldVersion]);
  });

  it('runs every stage and completes when every device reports healthy', async () => {
    const { stage, connect, report, at, rollout, clock } = startRollout(1_000);
    await at(minute);
    for (let i = 0; i < 4; i += 1) {
      connect(stage(i));
      report(stage(i), 'healthy');
      await at(clock.elapsedMs() + 4 * hour + 10 * minute);
    }
    expect(rollout.status().state).toBe('completed');
    expect(rollout.status().stages.map((s) => [s.devices, s.delivered, s.healthy, s.failed])).toEqual([[10, 10, 10, 0], [90, 90, 90, 0], [400, 400, 400, 0], [500, 500, 500, 0]]);
  });

  it('counts a device that stays silent past its report deadline as failed and rolls back', async () => {
    const { stage, connect, report, at, rollout } = startRollout(1_000);
    await at(minute);
    connect(stage(0));
    report(stage(0).slice(0, 9), 'healthy');
    // The tenth took the image and went quiet: bricked devices do not phone home.
    await at(45 * minute);
    expect(rollout.status().stages[0]).toMatchObject({ delivered: 10, healthy: 9, failed: 1 });
    expect(rollout.status().state).toBe('rolled-back');
  });

  it('rolls back when 1 of the 90 devices of the 10% stage fails, though that is 1% of the 100 updated so far', async () => {
    const { stage, connect, report, at, rollout, startedAt } = startRollout(1_000);
    await at(minute);
    connect(stage(0));
    report(stage(0), 'healthy');
    await at(4 * hour + 10 * minute);
    expect(startedAt(1)).toBeDefined();
    connect(stage(1));
    report(stage(1).slice(0, 89), 'healthy');
    report(stage(1).slice(89), 'failed');
    await at(4 * hour + 30 * minute);
    expect(rollout.status().state).toBe('rolled-back');
  });

  it('does not roll back at exactly 1%: 1 failure in a canary of 100 (2 failures do)', async () => {
    const one = startRollout(10_000);
    await one.at(minute);
    one.connect(one.stage(0));
    one.report(one.stage(0).slice(0, 99), 'healthy');
    one.report(one.stage(0).slice(99), 'failed');
    await one.at(20 * minute);
    expect(one.rollout.status().state).toBe('running');

    const two = startRollout(10_000);
    await two.at(minute);
    two.connect(two.stage(0));
    two.report(two.stage(0).slice(0, 98), 'healthy');
    two.report(two.stage(0).slice(98), 'failed');
    await two.at(20 * minute);
    expect(two.rollout.status().state).toBe('rolled-back');
  });

  it('rollback reverts every device that got the update, on its next connection, days later included', async () => {
    const { stage, connect, report, at, rollout } = startRollout(1_000);
    const canary = stage(0);
    await at(minute);
    connect(canary);
    report(canary.slice(0, 8), 'healthy');
    report(canary.slice(8), 'failed');
    await at(20 * minute);
    expect(rollout.status().state).toBe('rolled-back');
    expect(connect(canary.slice(0, 5), newVersion)).toEqual(Array(5).fill(oldVersion));
    await at(3 * day);
    expect(connect(canary.slice(5), newVersion)).toEqual(Array(5).fill(oldVersion));
  });

  it('a device that reconnects after the rollback is offered nothing new, and one updated before it goes back', async () => {
    const { stage, connect, report, at, rollout } = startRollout(1_000);
    const canary = stage(0);
    await at(minute);
    // Eight canary devices are online; two are offline for days.
    connect(canary.slice(0, 8));
    report(canary.slice(0, 6), 'healthy');
    report(canary.slice(6, 8), 'failed');
    await at(20 * minute);
    expect(rollout.status().state).toBe('rolled-back');
    await at(4 * day);
    expect(connect(canary.slice(8))).toEqual([oldVersion, oldVersion]);
    expect(connect(canary.slice(0, 1), newVersion)).toEqual([oldVersion]);
  });

  it('waits for the report deadline of a device updated late in the stage before starting the next', async () => {
    const { stage, connect, report, at, rollout, startedAt } = startRollout(1_000);
    const canary = stage(0);
    await at(minute);
    connect(canary.slice(0, 9));
    report(canary.slice(0, 9), 'healthy');
    // The tenth was offline; it takes the image 10 minutes before the soak ends and reports
    // 12 minutes later, inside its 30 minutes.
    await at(3 * hour + 50 * minute + 30_000);
    connect(canary.slice(9));
    await at(4 * hour + 2 * minute);
    expect(startedAt(1), 'the 10% stage started while a canary device could still report').toBeUndefined();
    report(canary.slice(9), 'healthy');
    await at(4 * hour + 10 * minute);
    expect(rollout.status().state).toBe('running');
    expect(startedAt(1)).toBeGreaterThanOrEqual(start + 4 * hour + 2 * minute);
  });

  it('counts a report delivered three times once', async () => {
    const { stage, connect, report, at, rollout } = startRollout(10_000);
    await at(minute);
    connect(stage(0));
    report(stage(0).slice(0, 99), 'healthy');
    report(stage(0).slice(99), 'failed', 3);
    report(stage(0).slice(0, 99), 'healthy', 2);
    await at(20 * minute);
    expect(rollout.status().stages[0]).toMatchObject({ delivered: 100, healthy: 99, failed: 1 });
    expect(rollout.status().state).toBe('running');
  });

  it('counts a success reported days after the deadline, in the device\'s own stage', async () => {
    const { stage, connect, report, at, rollout } = startRollout(10_000);
    const canary = stage(0);
    await at(minute);
    connect(canary);
    report(canary.slice(0, 99), 'healthy');
    // The last device took the image and lost its link: silent past the deadline, it is failed for now.
    await at(45 * minute);
    expect(rollout.status().stages[0]).toMatchObject({ healthy: 99, failed: 1 });
    await at(2 * day + 7 * minute);
    report(canary.slice(99), 'healthy');
    expect(rollout.status().stages[0]).toMatchObject({ delivered: 100, healthy: 100, failed: 0 });
  });

  it('refuses a device that is not in the fleet, naming it', () => {
    const { rollout } = startRollout(10);
    expect(() => rollout.connect('dev-99999', oldVersion)).toThrow(/dev-99999/);
  });
});
