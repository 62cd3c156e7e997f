import { describe, expect, it } from 'vitest';
import type { RunOutcome, TestOutcome } from './run-vitest.ts';
import { starterProblem } from './starter-failures.ts';

const test = (status: TestOutcome['status'], details?: string): TestOutcome => ({
  file: 'test/event.test.ts',
  name: 'OrderPlaced › carries its total in integer cents',
  status,
  ...(details ? { message: details.split('\n')[0], details } : {}),
  durationMs: 3,
});
const run = (tests: TestOutcome[], extra: Partial<RunOutcome> = {}): RunOutcome => ({ tests, brokenFiles: [], durationMs: 10, ...extra });

describe('starterProblem', () => {
  it('accepts a starter whose tests fail by assertion', () => {
    expect(starterProblem(run([test('failed', 'AssertionError: expected 1 to be 2')]))).toBeUndefined();
  });

  it('accepts a starter whose tests fail by its TODO error, also inside a fast-check report', () => {
    const wrapped = 'Error: Property failed after 1 tests\n{ seed: 42, path: "0" }\nCaused by: Error: TODO: build the event';
    expect(starterProblem(run([test('failed', 'Error: TODO: write placeOrder'), test('failed', wrapped)]))).toBeUndefined();
  });

  it('rejects a starter on which every test already passes', () => {
    expect(starterProblem(run([test('passed')]))).toMatch(/all 1 tests pass on the starter/);
  });

  it('rejects a starter that fails by a TypeError, naming the test and the fix', () => {
    const problem = starterProblem(run([test('failed', "TypeError: Cannot read properties of undefined (reading 'id')")]));
    expect(problem).toMatch(/"OrderPlaced › carries its total in integer cents" \(test\/event\.test\.ts\) fails on the starter with "TypeError/);
    expect(problem).toMatch(/starts with TODO/);
  });

  it('rejects a starter whose test file does not load', () => {
    const problem = starterProblem(run([], { brokenFiles: [{ file: 'test/event.test.ts', error: "SyntaxError: Unexpected token '}'" }] }));
    expect(problem).toMatch(/test\/event\.test\.ts does not even load on the starter \(SyntaxError/);
  });

  it('rejects a starter run that timed out', () => {
    expect(starterProblem(run([], { abort: { reason: 'timeout', detail: 'did not finish within 5 s' } }))).toMatch(/timed out/);
  });
});
