import type pg from 'pg';
import type { Clock } from '#graders/testkit/contracts/clock.ts';
import type { Publisher } from '#graders/testkit/contracts/publisher.ts';

export interface RelayDeps {
  pool: pg.Pool;
  publisher: Publisher;
  clock: Clock;
  topic: string;
  /** Rows claimed per pass. */
  batchSize?: number;
  /** How long to sleep when a pass finds nothing to publish. */
  idleBackoffMs?: number;
}

export interface Relay {
  /** One pass: claim pending rows, publish them, mark them published. Returns how many went out. */
  runOnce(): Promise<number>;
  /** Passes until the signal aborts, sleeping (clock.sleep) when there is nothing to do. */
  run(signal: AbortSignal): Promise<void>;
}

/**
 * The polling relay: SELECT ... FOR UPDATE SKIP LOCKED LIMIT batchSize, publish each row to
 * `topic` keyed by its aggregate (order) id with the envelope as the value, set
 * published_at, commit.
 */
export function createRelay(deps: RelayDeps): Relay {
  return {
    runOnce: async () => {
      throw new Error('TODO: claim a batch of unpublished outbox rows, publish them, then mark them published');
    },
    run: async () => {
      throw new Error('TODO: call runOnce until the signal aborts, sleeping with deps.clock when there was nothing to publish');
    },
  };
}
