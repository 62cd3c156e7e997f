import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '#graders/testkit/harness/property.ts';
import { fold } from '../src/decider.ts';
import { aCommandSequence, runCommands } from './support/histories.ts';

describe('the account decider on generated command sequences', () => {
  it('never lets the fold of an accepted history break an invariant', async () => {
    await assertProperty(
      fc.property(aCommandSequence(), (commands) => {
        const { events, state, timeline } = runCommands(commands);
        const story = `\n${timeline.join('\n')}`;
        const opened = events.filter((e) => e.type === 'AccountOpened').length;
        expect(opened, `AccountOpened events in the history${story}`).toBe(1);
        // Every prefix is a state someone could have loaded: check each, not just the last.
        for (let end = 1; end <= events.length; end++) {
          const at = fold(events.slice(0, end));
          expect(at.balanceMinor, `balance after event ${end} is below minus the overdraft limit ${at.overdraftLimitMinor}${story}`).toBeGreaterThanOrEqual(-at.overdraftLimitMinor);
        }
        const closedAt = events.findIndex((e) => e.type === 'AccountClosed');
        if (closedAt >= 0) {
          expect(closedAt, `events recorded after AccountClosed${story}`).toBe(events.length - 1);
          expect(fold(events.slice(0, closedAt)).balanceMinor, `balance when the account was closed${story}`).toBe(0);
        }
        expect(fold(events), `the fold of the whole history${story}`).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });
});
