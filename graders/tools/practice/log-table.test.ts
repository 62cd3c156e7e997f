import { describe, expect, it } from 'vitest';
import { formatLog, targetProgress } from './log-table.ts';
import type { FinishedAttempt, PracticeLog } from './practice-log.ts';

const target = { minutes: 10, description: 'All six artifacts in under 10 minutes, three domains.', distinctVariants: 3 };

function attempt(variant: string, minutes: number, passed = true): FinishedAttempt {
  return {
    id: `01-order-placed-event-20260302T0900000${String(minutes).padStart(2, '0')}Z`,
    kata: 'katas/01-order-placed-event', variant, startedAt: '2026-03-02T09:00:00.000Z',
    endedAt: '2026-03-02T09:30:00.000Z', elapsedMs: minutes * 60_000, passed, timeLimitMinutes: 15,
  };
}

describe('targetProgress', () => {
  it('is met once three distinct variants passed within the target minutes', () => {
    const attempts = [attempt('order', 9), attempt('claim', 8), attempt('order', 7), attempt('sign-up', 10)];
    expect(targetProgress('katas/01-order-placed-event', attempts, target)).toMatchObject({
      met: true, variantsWithin: ['order', 'claim', 'sign-up'],
    });
  });

  it('does not count attempts over the target time, or that did not pass', () => {
    const attempts = [attempt('order', 9), attempt('claim', 11), attempt('sign-up', 5, false)];
    expect(targetProgress('katas/01-order-placed-event', attempts, target)).toMatchObject({ met: false, variantsWithin: ['order'] });
  });
});

describe('formatLog', () => {
  it('shows each attempt against its time limit, and each kata against its target', () => {
    const log: PracticeLog = { version: 1, attempts: [attempt('order', 9), attempt('claim', 16, false)], saved: [] };
    const text = formatLog(log, new Map([['katas/01-order-placed-event', target]]));
    expect(text.split('\n')).toEqual([
      'kata                   variant  started           time   passed  within limit',
      '---------------------  -------  ----------------  -----  ------  ------------',
      '01-order-placed-event  order    2026-03-02 09:00  9:00   yes     yes (15 min)',
      '01-order-placed-event  claim    2026-03-02 09:00  16:00  no      no (15 min)',
      '',
      'Repeat until:',
      '  katas/01-order-placed-event: not yet: passed within 10 min in 1 variant(s) (order), 3 needed. ' +
        'All six artifacts in under 10 minutes, three domains.',
    ]);
  });

  it('tells a learner with no attempts how to start one', () => {
    expect(formatLog({ version: 1, attempts: [], saved: [] }, new Map())).toMatch(/No attempts yet.*npm run kata -- start/);
  });
});
