/** One stage of a rollout: its name and the share of the fleet (percent) updated once it has run. */
export interface StageSpec {
  name: string;
  /** Cumulative: 10 means 10% of the fleet has been offered the update by the end of this stage. */
  percent: number;
}

/** What the orchestrator is asked to do: move the fleet from one firmware version to another. */
export interface RolloutPlan {
  rolloutId: string;
  fromVersion: string;
  toVersion: string;
  stages: readonly StageSpec[];
  /** A stage rolls back when its failure rate is above this share: 0.01 is 1%. */
  maxFailureRate: number;
  /** How long a device has, from the moment it is given the update, to report; silent after that, it counts as failed. */
  reportDeadlineMs: number;
  /** The least time a stage runs before the next may start. */
  soakMs: number;
  /** How often the orchestrator evaluates the failure rate (the seed: every 5 minutes). */
  evaluateEveryMs: number;
}

/** The kata's plan: canary (1%), 10%, 50%, 100%; rollback above 1%; a device has 30 minutes to report. */
export const fleetPlan = (rolloutId: string, fromVersion: string, toVersion: string): RolloutPlan => ({
  rolloutId,
  fromVersion,
  toVersion,
  stages: [
    { name: 'canary', percent: 1 },
    { name: '10%', percent: 10 },
    { name: '50%', percent: 50 },
    { name: '100%', percent: 100 },
  ],
  maxFailureRate: 0.01,
  reportDeadlineMs: 30 * 60_000,
  soakMs: 4 * 60 * 60_000,
  evaluateEveryMs: 5 * 60_000,
});

/** What a device says after installing the update (over MQTT, so it may arrive more than once). */
export interface DeviceReport {
  deviceId: string;
  rolloutId: string;
  outcome: 'healthy' | 'failed';
}

/** A stage as the orchestrator counts it now. */
export interface StageStatus {
  name: string;
  /** Devices chosen for this stage (not counting earlier stages'). */
  devices: number;
  /** Of those, how many have been given the update. */
  delivered: number;
  /** Given the update and reported healthy (each device once). */
  healthy: number;
  /** Given the update and reported failed, or silent past their report deadline (each device once). */
  failed: number;
}

export type RolloutEvent =
  | { type: 'StageStarted'; stage: number; at: number }
  | { type: 'RolloutRolledBack'; stage: number; at: number; failureRate: number }
  | { type: 'RolloutCompleted'; at: number };

export interface RolloutStatus {
  state: 'pending' | 'running' | 'completed' | 'rolled-back';
  /** Index of the stage running now (or the last one that ran). */
  stage: number;
  stages: StageStatus[];
  /** Every decision, in order, with its time (ms since the epoch, from the injected clock). */
  history: RolloutEvent[];
}
