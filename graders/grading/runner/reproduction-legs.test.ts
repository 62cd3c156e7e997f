import { describe, expect, it } from 'vitest';
import { judgeLeg } from './reproduction-legs.ts';
import type { RunOutcome, TestOutcome } from './run-vitest.ts';

const test = (status: TestOutcome['status'], message?: string): TestOutcome =>
  ({ file: 'test/reproduce.test.ts', name: 'ledger › credits twice', status, durationMs: 1, ...(message ? { message } : {}) });
const run = (tests: TestOutcome[], extra: Partial<RunOutcome> = {}): RunOutcome => ({ tests, brokenFiles: [], durationMs: 1, ...extra });

describe('a reproduction leg', () => {
  it('holds on the shipped mistake only when a real test fails there', () => {
    expect(judgeLeg('fails-on-shipped-mistake', run([test('failed', 'AssertionError: expected 8400 to be 4200')])).ok).toBe(true);
    expect(judgeLeg('fails-on-shipped-mistake', run([test('passed')]))).toMatchObject({ ok: false, detail: expect.stringMatching(/passes on the shipped code, so it does not reproduce the mistake/) });
  });

  it('does not count an it.todo or a skipped test as a reproduction', () => {
    expect(judgeLeg('fails-on-shipped-mistake', run([test('skipped')]))).toMatchObject({ ok: false, detail: expect.stringMatching(/has no test that runs/) });
  });

  it('names a test file that does not load, and a run that did not finish', () => {
    expect(judgeLeg('passes-on-your-repair', run([], { brokenFiles: [{ file: 'test/reproduce.test.ts', error: 'SyntaxError: oops\nat x' }] })).detail).toBe('test/reproduce.test.ts does not load: SyntaxError: oops');
    expect(judgeLeg('passes-on-your-repair', run([], { abort: { reason: 'timeout', detail: 'did not finish within 30 s' } })).detail).toMatch(/did not finish on your repair/);
  });

  it('holds on a repair only when every test passes, and says why a course-repair failure matters', () => {
    expect(judgeLeg('passes-on-your-repair', run([test('passed')])).ok).toBe(true);
    expect(judgeLeg('passes-on-course-repair', run([test('passed'), test('failed', 'expected 1 to be 2')])).detail).toMatch(/fails on the course's repair: .*test the behaviour the mistake broke/);
  });
});
