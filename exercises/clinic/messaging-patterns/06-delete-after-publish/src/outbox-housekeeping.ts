import type { OutboxDeps, OutboxHousekeeping } from './outbox-relay-api.ts';

/** The relay deletes what it publishes, so there is never anything left to prune. */
export function createOutboxHousekeeping(_deps: OutboxDeps): OutboxHousekeeping {
  return {
    async prune() {
      return 0;
    },
  };
}
