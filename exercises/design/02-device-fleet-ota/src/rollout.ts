import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { DeviceReport, RolloutPlan, RolloutStatus } from './ota.ts';

/**
 * The staged rollout as an orchestrated saga: it offers the update stage by stage, counts each
 * stage's failures (silence past the report deadline included), and rolls back above the
 * threshold. See the README, section Executable core.
 */
export class RolloutOrchestrator {
  readonly fleet: readonly string[];
  readonly plan: RolloutPlan;
  readonly clock: Clock;

  constructor(fleet: readonly string[], plan: RolloutPlan, clock: Clock) {
    this.fleet = fleet;
    this.plan = plan;
    this.clock = clock;
  }

  /** Starts the first stage and the evaluation every `plan.evaluateEveryMs`. */
  start(): void {
    throw new Error('TODO: start the first stage');
  }

  /** The stage (index) a device was chosen for. */
  stageOf(deviceId: string): number {
    throw new Error('TODO: the stage a device was chosen for');
  }

  /** A device connects running `runningVersion`: returns the version it must run now. */
  connect(deviceId: string, runningVersion: string): string {
    throw new Error('TODO: the version this device must run now');
  }

  /** A device reports after installing the update. */
  report(report: DeviceReport): void {
    throw new Error('TODO: count the report');
  }

  status(): RolloutStatus {
    throw new Error('TODO: the rollout as counted now');
  }
}
