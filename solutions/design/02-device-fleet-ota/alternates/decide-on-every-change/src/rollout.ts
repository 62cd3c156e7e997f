import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { DeviceReport, RolloutEvent, RolloutPlan, RolloutStatus, StageStatus } from './ota.ts';
import { planStages } from './stages.ts';

interface DeviceState {
  stage: number;
  /** When the device was given the update (ms), if it was. */
  deliveredAt?: number;
  /** Its first report; a duplicate changes nothing. */
  outcome?: 'healthy' | 'failed';
}

/**
 * The staged rollout as an orchestrated saga, deciding on every change instead of on a
 * 5-minute poll: on each report, at each device's report deadline and at the end of each
 * soak (the poll stays as a floor). A bricked device still counts: its deadline timer fires
 * whether or not it ever phones home. Rollback is a compensation: every device that got the
 * update is told to go back to the old version when it next connects.
 */
export class RolloutOrchestrator {
  readonly fleet: readonly string[];
  readonly plan: RolloutPlan;
  readonly clock: Clock;
  #devices = new Map<string, DeviceState>();
  #stages: string[][];
  #state: RolloutStatus['state'] = 'pending';
  #stage = 0;
  #stageStartedAt = 0;
  #history: RolloutEvent[] = [];
  /** Reports counted per stage: one per device, the first it sent. */
  #tallies: { healthy: number; failed: number }[];

  constructor(fleet: readonly string[], plan: RolloutPlan, clock: Clock) {
    if (!(plan.maxFailureRate >= 0 && plan.maxFailureRate < 1)) throw new Error(`maxFailureRate ${plan.maxFailureRate} is not a share in [0, 1): 1% is 0.01.`);
    if (plan.stages.length === 0) throw new Error('A rollout needs at least one stage.');
    this.fleet = fleet;
    this.plan = plan;
    this.clock = clock;
    this.#stages = planStages(fleet, plan.stages);
    this.#stages.forEach((ids, stage) => ids.forEach((id) => this.#devices.set(id, { stage })));
    this.#tallies = this.#stages.map(() => ({ healthy: 0, failed: 0 }));
  }

  start(): void {
    if (this.#state !== 'pending') throw new Error(`Rollout ${this.plan.rolloutId} was already started.`);
    this.#state = 'running';
    this.#startStage(0);
    this.#schedule();
  }

  stageOf(deviceId: string): number {
    return this.#device(deviceId).stage;
  }

  connect(deviceId: string, runningVersion: string): string {
    const device = this.#device(deviceId);
    const offered = (this.#state === 'running' || this.#state === 'completed') && device.stage <= this.#stage;
    if (!offered) {
      // Compensation: a device that got the update goes back; the others keep what they run.
      return device.deliveredAt !== undefined || runningVersion === this.plan.toVersion ? this.plan.fromVersion : runningVersion;
    }
    if (device.deliveredAt === undefined && runningVersion !== this.plan.toVersion) {
      device.deliveredAt = this.#now();
      // Silent is failed only once the deadline has passed: decide the moment after it.
      this.clock.setTimer(this.plan.reportDeadlineMs + 1, () => this.#decide());
    }
    return this.plan.toVersion;
  }

  report(report: DeviceReport): void {
    if (report.rolloutId !== this.plan.rolloutId) return;
    const device = this.#device(report.deviceId);
    // A report from a device never given the update says nothing about it; a duplicate, nothing new.
    if (device.deliveredAt === undefined) return;
    if (device.outcome !== undefined) return;
    device.outcome = report.outcome;
    this.#tallies[device.stage]![report.outcome] += 1;
    this.#decide();
  }

  status(): RolloutStatus {
    return { state: this.#state, stage: this.#stage, stages: this.#stages.map((_, i) => this.#count(i)), history: [...this.#history] };
  }

  #device(deviceId: string): DeviceState {
    const device = this.#devices.get(deviceId);
    if (device === undefined) throw new Error(`Device ${deviceId} is not in the fleet of rollout ${this.plan.rolloutId}.`);
    return device;
  }

  #now(): number {
    return this.clock.now().getTime();
  }

  #count(stage: number): StageStatus {
    const now = this.#now();
    const ids = this.#stages[stage]!;
    const { healthy, failed } = this.#tallies[stage]!;
    let delivered = 0;
    let silent = 0;
    for (const id of ids) {
      const device = this.#devices.get(id)!;
      if (device.deliveredAt === undefined) continue;
      delivered += 1;
      // A bricked device cannot phone home: silence past the deadline is a failure.
      if (device.outcome === undefined && now > device.deliveredAt + this.plan.reportDeadlineMs) silent += 1;
    }
    return { name: this.plan.stages[stage]!.name, devices: ids.length, delivered, healthy, failed: failed + silent };
  }

  /** A device given the update that has not reported and whose deadline has not passed. */
  #awaiting(stage: number): boolean {
    const now = this.#now();
    return this.#stages[stage]!.some((id) => {
      const device = this.#devices.get(id)!;
      return device.deliveredAt !== undefined && device.outcome === undefined && now <= device.deliveredAt + this.plan.reportDeadlineMs;
    });
  }

  #startStage(stage: number): void {
    this.#stage = stage;
    this.#stageStartedAt = this.#now();
    this.#history.push({ type: 'StageStarted', stage, at: this.#stageStartedAt });
    this.clock.setTimer(this.plan.soakMs, () => this.#decide());
  }

  #schedule(): void {
    this.clock.setTimer(this.plan.evaluateEveryMs, () => this.#evaluate());
  }

  #evaluate(): void {
    this.#decide();
    if (this.#state === 'running') this.#schedule();
  }

  #decide(): void {
    if (this.#state !== 'running') return;
    // Every started stage: a device of an earlier stage may have been updated late, and fail late.
    for (let stage = 0; stage <= this.#stage; stage += 1) {
      const { delivered, failed } = this.#count(stage);
      const failureRate = delivered === 0 ? 0 : failed / delivered;
      if (failureRate > this.plan.maxFailureRate) {
        this.#state = 'rolled-back';
        this.#history.push({ type: 'RolloutRolledBack', stage: this.#stage, at: this.#now(), failureRate });
        return;
      }
    }
    const soaked = this.#now() >= this.#stageStartedAt + this.plan.soakMs;
    if (soaked && !this.#awaiting(this.#stage)) {
      if (this.#stage === this.#stages.length - 1) {
        this.#state = 'completed';
        this.#history.push({ type: 'RolloutCompleted', at: this.#now() });
        return;
      }
      this.#startStage(this.#stage + 1);
    }
  }
}
