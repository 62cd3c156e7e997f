import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExerciseResult, GradeResults } from '../grade/grade-results.ts';
import type { Item } from '../quiz/bank.ts';
import { writeReports } from '../grade/write-reports.ts';
import { practiceLog } from './progress-fixtures.ts';
import { progressLines } from './progress.ts';
import { readProgressInputs } from './read-progress.ts';
import { renderProgressHtml, renderProgressMarkdown, renderProgressText } from './render-progress.ts';

const numeric = (id: string, concept: number, diagnostic?: number): Item =>
  ({ id, kind: 'numeric', prompt: 'p', explanation: 'e', concept, source: 's', answer: 1, ...(diagnostic ? { diagnostic } : {}) }) as Item;
// A bank small enough to reason about: one item each for concepts 1, 2 and 6; item c1 is a diagnostic question.
const bank = [numeric('c1', 1, 1), numeric('c2', 2), numeric('c6', 6)];

const exercise = (path: string, status: ExerciseResult['status'], tests: ExerciseResult['tests'] = []): ExerciseResult => ({
  id: path.split('/').at(-1)!, path, title: path, status, points: status === 'passed' ? 10 : 0, maxPoints: 10,
  testsPassed: status === 'passed' ? 1 : 0, testsTotal: 1, durationMs: 1, tests,
});
const quizTest = (name: string, passed: boolean) => ({ file: 'quiz-log.json', name, status: passed ? ('passed' as const) : ('failed' as const), durationMs: 0 });
const results: GradeResults = {
  schemaVersion: 1, course: 'c', gradedAt: '2026-12-02T10:00:00.000Z', target: 'learner',
  runtime: { node: 'v24', platform: 'linux-x64', durationMs: 1 }, services: {},
  totals: { points: 0, maxPoints: 0, exercises: 0, exercisesPassed: 0, testsPassed: 0, testsTotal: 0 },
  exercises: [
    exercise('katas/01-order-placed-event', 'passed'),
    exercise('katas/02-transactional-outbox', 'failed'),
    exercise('clinic/event-modeling/01-command-as-event', 'passed'),
    exercise('clinic/event-modeling/02-order-updated', 'failed'),
    { ...exercise('quiz-log.json', 'failed', [quizTest('c1', true), quizTest('c2', true), quizTest('c6', false)]), id: 'quiz' },
  ],
};

async function checkout(files: Record<string, unknown>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'progress-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), JSON.stringify(content));
  }
  return root;
}
const learner = () => checkout({
  'results/grade.json': results,
  '.course/practice/log.json': practiceLog([['katas/01-order-placed-event', 'default'], ['katas/01-order-placed-event', 'library'], ['katas/02-transactional-outbox', 'default'], ['katas/02-transactional-outbox', 'default']]),
  'quiz-log.json': { version: 1, answers: [{ item: 'c1', given: '1', at: '2026-12-01T09:00:00Z', paper: 'diagnostic' }] },
});

const line = (lines: ReturnType<typeof progressLines>, rule: RegExp) => lines.find((l) => rule.test(l.rule))!;

describe('npm run progress: the module against this checkout', () => {
  it('marks outputs, katas, clinic, quiz and standard lines from the grader\'s results and the practice log', async () => {
    const { inputs, problems } = await readProgressInputs(await learner(), bank);
    expect(problems).toEqual([]);
    const lines = progressLines(inputs);
    expect(line(lines, /event catalogue/)).toMatchObject({ done: true, next: '' });
    expect(line(lines, /working outbox/)).toMatchObject({ done: false, next: expect.stringMatching(/npm run watch -- 02-transactional-outbox/) });
    // Twice with one variant is not twice with different variants.
    expect(line(lines, /01-order-placed-event run at least twice/)).toMatchObject({ done: true });
    expect(line(lines, /02-transactional-outbox run at least twice/)).toMatchObject({ done: false, have: 'variants tried: default' });
    expect(line(lines, /03-checkout-saga run/)).toMatchObject({ done: false, have: 'no attempt logged' });
    expect(line(lines, /clinic item/)).toMatchObject({ done: false, have: '1 of 2 items', next: 'next: clinic/event-modeling/02-order-updated' });
    expect(line(lines, /five real mistakes/)).toMatchObject({ done: false, have: '0 of 5' });
    expect(line(lines, /10 named errors/)).toMatchObject({ done: false, have: '0 of 10 entries' });
    expect(line(lines, /diagnostic/)).toMatchObject({ done: true, have: '1 of 1 answered' });
    expect(line(lines, /Every quiz question/)).toMatchObject({ done: false, have: '2 of 3 right, recomputed by the grader' });
    expect(line(lines, /past tense/)).toMatchObject({ done: true });
    expect(line(lines, /outbox differ/)).toMatchObject({ done: false, next: '`npm run quiz -- --concept 6`' });
  });

  it('without a grade, says to run one instead of claiming anything', async () => {
    const { inputs } = await readProgressInputs(await checkout({}), bank);
    const lines = progressLines(inputs);
    expect(lines.filter((l) => l.done)).toEqual([]);
    expect(line(lines, /event catalogue/).next).toMatch(/npm run grade/);
    expect(line(lines, /Every quiz question/).next).toMatch(/npm run grade/);
  });

  it('reports a damaged log as a problem and counts it empty, leaving the file as it was', async () => {
    const root = await checkout({});
    await writeFile(join(root, 'mistake-log.json'), '{ "version": 1,');
    const { problems } = await readProgressInputs(root, bank);
    expect(problems.join('\n')).toMatch(/not valid JSON/);
    expect(await readFile(join(root, 'mistake-log.json'), 'utf8')).toBe('{ "version": 1,');
  });

  it('reports a damaged practice log or results file as a problem, never a crash, and counts them empty', async () => {
    const root = await checkout({ '.course/practice/log.json': { version: 1, attempts: 'many', saved: [] } });
    await writeFile(join(root, 'quiz-log.json'), '<script>alert(1)</script>');
    await mkdir(join(root, 'results'));
    await writeFile(join(root, 'results/grade.json'), '{ "schemaVersion": 1');
    const { inputs, problems } = await readProgressInputs(root, bank);
    expect(problems).toEqual([
      expect.stringMatching(/results\/grade\.json is not valid JSON/),
      expect.stringMatching(/practice\/log\.json does not match graders\/schemas\/practice-log\.schema\.json \(\/attempts must be array\)/),
      expect.stringMatching(/quiz-log\.json is not valid JSON/),
    ]);
    expect(inputs.attempts).toEqual([]);
    expect(inputs.results).toBeUndefined();
  });

  it('reads the grader\'s own results when given, not the results file a checkout carries', async () => {
    const root = await checkout({ 'results/grade.json': { forged: true } });
    const { inputs, problems } = await readProgressInputs(root, bank, { results });
    expect(problems).toEqual([]);
    expect(inputs.results).toBe(results);
  });

  it('refuses a log that is a link, without reading what it points at', async () => {
    const root = await checkout({ 'secret.json': { password: 'hunter2' } });
    await mkdir(join(root, '.course/practice'), { recursive: true });
    await symlink(join(root, 'secret.json'), join(root, '.course/practice/log.json'));
    await symlink(join(root, 'secret.json'), join(root, 'mistake-log.json'));
    const { problems } = await readProgressInputs(root, bank);
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(problem).toMatch(/is not a regular file/);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('shows the latest reflection per design kata and how the weighted self-score moved across repeats', async () => {
    const dimensions = ['security-posture', 'compliance', 'nfr-compliance', 'data-flow-coherence', 'cost-awareness', 'operational-readiness', 'failure-handling'];
    const each = (n: number) => Object.fromEntries(dimensions.map((dimension) => [dimension, n]));
    // Valid against practice-log.schema.json: the view reads only a log that is.
    const reflect = (at: string, weighted: number, change: string) => ({ kata: 'design/01-security-event-pipeline', at, scores: each(3), weights: each(2), weighted, change });
    const root = await checkout({
      'exercises/design/01-security-event-pipeline/exercise.json': {},
      'exercises/design/02-device-fleet/exercise.json': {},
      '.course/practice/log.json': { version: 1, attempts: [], saved: [], reflections: [reflect('2026-11-30T09:00:00.000Z', 2.8, 'Add an index lifecycle.'), reflect('2026-12-01T09:00:00.000Z', 3.4, 'Pseudonymise before the broker.')] },
    });
    const lines = progressLines((await readProgressInputs(root, bank)).inputs);
    expect(line(lines, /01-security-event-pipeline reflected/)).toEqual({
      section: 'Design katas', rule: 'design/01-security-event-pipeline reflected on after Compare (self-scored: no points)', done: true, next: '',
      have: 'latest 2026-12-01: weighted self-score 3.4 of 5 (across 2 reflections: 2.8 -> 3.4); change: Pseudonymise before the broker.',
    });
    expect(line(lines, /02-device-fleet reflected/)).toMatchObject({
      done: false, have: 'no reflection recorded', next: '`npm run design -- compare 02-device-fleet`, then `npm run design -- reflect 02-device-fleet`',
    });
  });

  it('renders the same lines on the screen, in Markdown and in HTML', async () => {
    const lines = progressLines((await readProgressInputs(await learner(), bank)).inputs);
    const text = renderProgressText(lines);
    expect(text).toMatch(/^Module 3 progress: \d+ of \d+ lines done/);
    expect(text).toContain('[x] An event catalogue');
    expect(renderProgressMarkdown(lines)).toContain('| Katas | katas/02-transactional-outbox run at least twice, with different variants | not yet |');
    expect(renderProgressHtml(lines)).toContain('<tr class="done"><td>Outputs</td><td>An event catalogue');
    for (const l of lines) expect(text).toContain(l.rule);
  });

  it('adds the view to the GitHub job summary of a learner grade', async () => {
    const root = await learner();
    const summary = join(root, 'summary.md');
    await writeReports(results, { summary }, { learnerRoot: root, env: {}, log: () => {} });
    const written = await readFile(summary, 'utf8');
    expect(written).toContain('## Progress against the module');
    expect(written).toMatch(/\| Clinic \| Every clinic item passes[^\n]*\| not yet \| 1 of 2 items \|/);
  });
});
