import { describe, expect, it } from 'vitest';
import { judgeMistakes, type TestResult, verdictLines } from './mistake-verdicts.ts';
import { parseTestId } from './test-ids.ts';

const dlq = 'test/normaliser.test.ts: the normaliser › dead-letters an event that is not JSON';
const bounded = 'test/correlator.test.ts: the correlator › keeps bounded state';
const mistakes = [
  { says: 'a sentence no test stages' },
  { says: 'no dead-letter destination', foundBy: [dlq] },
  { says: 'state that never expires', foundBy: [bounded, 'test/correlator.test.ts › the correlator › forgets a success'] },
];
const result = (id: string, status: TestResult['status']): TestResult => ({ ...parseTestId(id)!, status });

describe('which common mistakes the tests found in the core', () => {
  it('reads a test id in the Caught-by form, and with " › " after the file', () => {
    expect(parseTestId(dlq)).toEqual({ file: 'test/normaliser.test.ts', name: 'the normaliser › dead-letters an event that is not JSON' });
    expect(parseTestId('test/a.test.ts › d › t')).toEqual({ file: 'test/a.test.ts', name: 'd › t' });
    expect(parseTestId('normaliser › dead-letters')).toBeUndefined();
  });

  it('found: a named test failed; clear: every named test ran and passed', () => {
    const verdicts = judgeMistakes(mistakes, [
      result(dlq, 'failed'), result(bounded, 'passed'), result('test/correlator.test.ts: the correlator › forgets a success', 'passed'),
    ]);
    expect(verdicts.map((v) => [v.says, v.verdict, v.tests])).toEqual([
      ['no dead-letter destination', 'found', [dlq]],
      ['state that never expires', 'clear', []],
    ]);
  });

  it('found wins over a test that did not run: one failure is enough to say the core has it', () => {
    const [, verdict] = judgeMistakes(mistakes, [result(bounded, 'failed')]);
    expect(verdict).toMatchObject({ verdict: 'found', tests: [bounded] });
  });

  it('cannot tell: no named test failed, but one is missing or skipped, or the tests did not run', () => {
    const verdicts = judgeMistakes(mistakes, [result(dlq, 'skipped'), result(bounded, 'passed')]);
    expect(verdicts.map((v) => [v.verdict, v.tests])).toEqual([
      ['cannot-tell', [dlq]],
      ['cannot-tell', ['test/correlator.test.ts: the correlator › forgets a success']],
    ]);
    expect(judgeMistakes(mistakes, undefined).map((v) => v.verdict)).toEqual(['cannot-tell', 'cannot-tell']);
  });

  it('prints one line per mistake, with the tests that decided it', () => {
    const lines = verdictLines(judgeMistakes(mistakes, [result(dlq, 'failed')]));
    expect(lines).toEqual([
      '  [found]       no dead-letter destination',
      `                failed: ${dlq}`,
      '  [cannot tell] state that never expires',
      `                did not run (missing, skipped or its file did not load): ${bounded}`,
      '                did not run (missing, skipped or its file did not load): test/correlator.test.ts: the correlator › forgets a success',
    ]);
  });
});
