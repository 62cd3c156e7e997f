import { describe, expect, it } from 'vitest';
import { compareDesign, type KataTestRunner } from './compare.ts';
import { resolveTarget } from './design-kata.ts';
import type { TestResult } from './mistake-verdicts.ts';

const course = new URL('./fixtures/course/', import.meta.url).pathname;
const target = (kata: string) => resolveTarget(kata, course, course);
const neverRun: KataTestRunner = () => expect.fail('the kata has no test/ folder: nothing to run');

describe('compare', () => {
  it('is refused while design.yaml has findings, with each finding and what to do', () => {
    const outcome = compareDesign(target('02-unfinished'), neverRun);
    expect(outcome).toHaveProperty('refused');
    const { refused } = outcome as { refused: string };
    expect(refused).toMatch(/^Compare stays closed: exercises\/design\/02-unfinished\/design\.yaml has 2 finding\(s\):/);
    expect(refused).toMatch(/design\.yaml:5: schema\/empty: `flows` is empty/);
    expect(refused).toMatch(/What to do: fix each finding \(npm run design -- check 02-unfinished lists them all\)/);
    expect(refused).toMatch(/in practice mode \(npm run kata -- start 02-unfinished\) it also opens once the time limit has run out/);
  });

  it("is refused while the kata's tests fail, and runs them only once the design is clean", () => {
    const ran: string[] = [];
    const failing: KataTestRunner = (folder) => (ran.push(folder), { ok: false, summary: 'Tests  2 failed | 5 passed (7)' });
    const outcome = compareDesign(target('tested'), failing);
    expect(ran).toEqual([`${course}exercises/design/03-tested`]);
    expect((outcome as { refused: string }).refused).toMatch(/tests \(capacity model and core\) do not pass yet \(Tests {2}2 failed/);
    const passing: KataTestRunner = () => ({ ok: true, summary: 'Tests  7 passed (7)' });
    expect(compareDesign(target('tested'), passing)).toHaveProperty('report');
  });

  it('once the attempt passes: expected components beside the design, coverage by vocabulary, common mistakes', () => {
    const outcome = compareDesign(target('design/01-sample-pipeline'), neverRun) as { report: string; covered: number; expected: number };
    expect([outcome.covered, outcome.expected]).toEqual([4, 5]);
    const lines = outcome.report.split('\n');
    // kafka, dlq and opensearch are aliases: the design covers the broker, the DLQ and the hot store by them
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}\[x\] a partitioned message broker for ingestion +\| ingest$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}\[x\] a dead-letter destination for events that fail +\| failed-events$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}\[ \] compressed columnar cold storage +\| nothing of kind object-store$/));
    expect(lines).toContain('  - enricher (free: adds asset owner and site to each event)');
    expect(lines).toContain('  - a correlation engine that holds every event in memory');
  });

  const timeUp = { startedAt: '2026-03-02T09:00:00.000Z', timeLimitMinutes: 60 };

  it('opens on an unfinished attempt once the practice time limit ran out, and says so', () => {
    const outcome = compareDesign(target('02-unfinished'), neverRun, { timeUp }) as { report: string; covered: number };
    expect(outcome.report).toMatch(/^Time is up: comparing an unfinished attempt\. Your practice attempt started at 2026-03-02T09:00:00\.000Z with 60 min, and its checks do not pass yet: exercises\/design\/02-unfinished\/design\.yaml has 2 finding\(s\)/);
    expect(outcome.report).toMatch(/Your design covers \d of 5 expected components\./);
    // With the checks passing, time running out changes nothing: no note.
    expect((compareDesign(target('01-sample-pipeline'), neverRun, { timeUp }) as { report: string }).report).not.toMatch(/Time is up/);
  });

  const dlq = { file: 'test/normaliser.test.ts', name: 'the normaliser › dead-letters an event that is not JSON' };
  const bounded = { file: 'test/correlator.test.ts', name: 'the correlator › keeps bounded state' };
  const once = { file: 'test/correlator.test.ts', name: 'the correlator › alerts once per sequence' };
  const redelivered = { file: 'test/correlator.test.ts', name: 'the correlator › alerts once for a redelivered success' };
  // Vitest exits 0 with skipped tests: ok is what the exit code says, not every test passing.
  const runner = (tests: TestResult[], ok = !tests.some((t) => t.status === 'failed')): KataTestRunner => () => ({ ok, summary: `Tests  ${tests.length} ran`, tests });

  it('shows which common mistakes the tests found in the core: found, clear, cannot tell', () => {
    const outcome = compareDesign(target('tested'), runner([{ ...dlq, status: 'passed' }, { ...bounded, status: 'passed' }, { ...once, status: 'passed' }, { ...redelivered, status: 'skipped' }]), {}) as { report: string; verdicts: { verdict: string }[] };
    expect(outcome.verdicts.map((v) => v.verdict)).toEqual(['clear', 'clear', 'cannot-tell']);
    const lines = outcome.report.split('\n');
    expect(lines).toContain('  [clear]       no dead-letter destination for events that fail normalisation');
    expect(lines).toContain('  [cannot tell] one alert per event instead of per sequence');
    expect(lines).toContain('                did not run (missing, skipped or its file did not load): test/correlator.test.ts: the correlator › alerts once for a redelivered success');
    // A sentence is a mistake of the design: shown to critique against, never judged.
    expect(lines).toContain('  - one search cluster for ingest and queries');
    expect(lines.at(-1)).toMatch(/^Next: npm run design -- reflect 03-tested/);
  });

  it('when time ran out with failing tests, names the mistakes whose tests failed', () => {
    const failing = runner([{ ...dlq, status: 'failed' }, { ...bounded, status: 'passed' }, { ...once, status: 'failed' }]);
    expect(compareDesign(target('tested'), failing)).toHaveProperty('refused');
    const outcome = compareDesign(target('tested'), failing, { timeUp }) as { report: string; verdicts: { says: string; verdict: string }[] };
    expect(outcome.report).toMatch(/^Time is up: .*the kata's tests do not pass yet \(Tests {2}3 ran\)\./);
    expect(outcome.verdicts.map((v) => v.verdict)).toEqual(['found', 'clear', 'found']);
    expect(outcome.report).toContain('                failed: test/normaliser.test.ts: the normaliser › dead-letters an event that is not JSON');
  });
});
