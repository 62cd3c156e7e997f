import { describe, expect, it } from 'vitest';
import { compareDesign, type KataTestRunner } from './compare.ts';
import { resolveTarget } from './design-kata.ts';

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
});
