import fc from 'fast-check';
import type { NormalisedEvent } from '../../src/security-event.ts';

export const minute = 60_000;
export const start = Date.UTC(2026, 2, 1, 9, 0, 0);

let counter = 0;
/** One login event at `start + offsetMs`, with a fresh id unless one is given. */
export function login(user: string, outcome: 'success' | 'failure', offsetMs: number, eventId = `ev${++counter}`): NormalisedEvent {
  return { eventId, source: 'vpn', time: start + offsetMs, user, outcome };
}

/**
 * The course's answer: the ids of the successes preceded, within `windowMs` of event time
 * (inclusive), by at least `failures` distinct failed logins of the same user.
 */
export function expectedAlerts(events: readonly NormalisedEvent[], failures: number, windowMs: number): string[] {
  const distinct = [...new Map(events.map((e) => [e.eventId, e])).values()];
  return distinct
    .filter((s) => s.outcome === 'success')
    .filter((s) => distinct.filter((f) => f.outcome === 'failure' && f.user === s.user && f.time >= s.time - windowMs && f.time <= s.time).length >= failures)
    .map((s) => s.eventId)
    .sort();
}

/**
 * Login events of a few users over twenty minutes, each delivered once or twice, in an arrival
 * order where no event is more than `latenessMs` behind the newest one before it: each gets
 * an arrival key of its time plus a delay of at most the lateness.
 */
export function lateAndOutOfOrder(latenessMs: number) {
  return fc
    .array(
      fc.record({ user: fc.constantFrom('alice', 'bob'), failure: fc.integer({ min: 0, max: 3 }), offset: fc.integer({ min: 0, max: 20 * minute }), delay: fc.integer({ min: 0, max: latenessMs }), again: fc.option(fc.integer({ min: 0, max: latenessMs }), { freq: 4 }) }),
      { minLength: 1, maxLength: 40 },
    )
    .map((drawn) => {
      const deliveries = drawn.flatMap(({ user, failure, offset, delay, again }, i) => {
        const event: NormalisedEvent = { eventId: `g${i}`, source: 'vpn', time: start + offset, user, outcome: failure > 0 ? 'failure' : 'success' };
        return again === null ? [{ event, arrival: event.time + delay }] : [{ event, arrival: event.time + delay }, { event, arrival: event.time + again }];
      });
      return deliveries.sort((a, b) => a.arrival - b.arrival).map((d) => d.event);
    });
}
