import type { EventBus } from '#graders/testkit/bus/message-bus.ts';
import type { NormalisedEvent, RawEvent } from './security-event.ts';

/**
 * The fields a raw event must yield (`time` as an ISO date, `user`, `outcome` of success or
 * failure), from a `json` or a `kv` payload. Throws an Error whose message is the reason.
 */
export function parseRaw(raw: RawEvent): Pick<NormalisedEvent, 'time' | 'user' | 'outcome'> {
  throw new Error(`TODO: parse the ${raw.format} payload (see the README, section Executable core)`);
}

/**
 * Subscribes as `normaliser` to RawSecurityEvent and publishes, for each, either a
 * SecurityEventNormalised (keyed by user) or a SecurityEventDeadLettered (with the reason and
 * the original). No event may be lost.
 */
export async function startNormaliser(bus: EventBus<unknown>): Promise<void> {
  await bus.subscribe('normaliser', [], () => {
    throw new Error('TODO: normalise or dead-letter each raw event');
  });
}
