import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { bruteForceRule, Correlator, type Alert } from '../src/correlator.ts';
import type { NormalisedEvent } from '../src/security-event.ts';
import { expectedAlerts, lateAndOutOfOrder, login, minute } from './support/login-events.ts';

/** Feeds the events in this arrival order; returns the alerts and what accept answered. */
function correlate(events: readonly NormalisedEvent[], rule = bruteForceRule) {
  const alerts: Alert[] = [];
  const correlator = new Correlator(rule, (alert) => alerts.push(alert));
  const answers = events.map((e) => correlator.accept(e));
  return { alerts, answers, correlator };
}

describe('the correlation rule (3 failures then a success within 5 minutes, 1 minute of lateness)', () => {
  it('alerts once for three failures and a success of one user within five minutes', () => {
    const { alerts } = correlate([login('alice', 'failure', 0), login('alice', 'failure', minute), login('alice', 'failure', 2 * minute), login('alice', 'success', 4 * minute, 'ok')]);
    expect(alerts).toEqual([{ rule: 'brute-force-then-success', user: 'alice', successEventId: 'ok', at: login('alice', 'success', 4 * minute).time }]);
  });

  it('does not alert when the first failure is more than five minutes before the success, or the failures are another user\'s', () => {
    const { alerts } = correlate([login('alice', 'failure', 0), login('alice', 'failure', 2 * minute), login('bob', 'failure', 3 * minute), login('alice', 'failure', 4 * minute), login('alice', 'success', 5 * minute + 1)]);
    expect(alerts).toEqual([]);
  });

  it('alerts once per sequence: not again for a fourth failure, nor for the success delivered again', () => {
    const success = login('alice', 'success', 4 * minute, 'ok');
    const { alerts } = correlate([login('alice', 'failure', 0), login('alice', 'failure', minute), login('alice', 'failure', 2 * minute), success, login('alice', 'failure', 3 * minute), success, login('alice', 'failure', 4 * minute)]);
    expect(alerts.map((a) => a.successEventId)).toEqual(['ok']);
  });

  it('counts a failure that arrives 30 s after the success, though it happened before it', () => {
    const { alerts, answers } = correlate([login('alice', 'failure', 0), login('alice', 'failure', minute), login('alice', 'success', 3 * minute, 'ok'), login('alice', 'failure', 2 * minute + 30_000)]);
    expect(answers).toEqual(['counted', 'counted', 'counted', 'counted']);
    expect(alerts.map((a) => a.successEventId)).toEqual(['ok']);
  });

  it('refuses an event more than the allowed minute behind the newest one, and says so', () => {
    const { alerts, answers } = correlate([login('alice', 'failure', 0), login('alice', 'failure', minute), login('alice', 'success', 5 * minute, 'ok'), login('alice', 'failure', 3 * minute)]);
    expect(answers).toEqual(['counted', 'counted', 'counted', 'too-late']);
    expect(alerts).toEqual([]);
  });

  it('keeps bounded state: 40,000 users seen once each, 100 ms apart, leave under 10,000 entries', () => {
    const { correlator } = correlate(Array.from({ length: 40_000 }, (_, i) => login(`user${i}`, i % 2 === 0 ? 'failure' : 'success', i * 100)));
    // At 10 events a second, the window (5 min) and the lateness (1 min) hold at most 3,600
    // events, each with its user: 7,200 entries. The rest of the bound leaves room for expiry
    // that runs now and then rather than on every event; kept for ever, it would be 80,000.
    expect(correlator.size()).toBeLessThan(10_000);
  });

  it('every matching sequence alerts once, with late, out-of-order and repeated events within the lateness', async () => {
    await assertProperty(
      fc.property(lateAndOutOfOrder(bruteForceRule.allowedLatenessMs), (events) => {
        const { alerts, answers } = correlate(events);
        expect(answers.every((a) => a === 'counted')).toBe(true);
        expect(alerts.map((a) => a.successEventId).sort()).toEqual(expectedAlerts(events, bruteForceRule.failures, bruteForceRule.windowMs));
      }),
      { numRuns: 150 },
    );
  });
});
