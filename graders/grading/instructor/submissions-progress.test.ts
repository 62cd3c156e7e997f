import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradeResults } from '../grade/grade-results.ts';
import { withQuizLog } from '../grade/with-quiz-log.ts';
import { learnerProgress } from '../progress/learner-progress.ts';
import { practiceLog } from '../progress/progress-fixtures.ts';
import { sampleResults } from '../report/sample-results.ts';
import { selectExercises } from '../runner/exercise-catalog.ts';
import { courseSchema } from '../runner/schema-validator.ts';
import { collectResults } from './collect-results.ts';
import { reportColumns, type SubmissionGrade } from './grade-submissions.ts';
import { renderSubmissionsHtml } from './submissions-html.ts';

const root = await mkdtemp(join(tmpdir(), 'class-progress-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const columns = reportColumns(selectExercises([]));
const hostile = '<script>alert("ada")</script>';

/** Each learner's checkout holds only the logs named; ada's practice variant is markup. */
const checkouts: Record<string, Record<string, string>> = {
  ada: { '.course/practice/log.json': JSON.stringify(practiceLog([['katas/01-order-placed-event', hostile], ['katas/01-order-placed-event', 'default']])), 'quiz-log.json': JSON.stringify({ version: 1, answers: [] }) },
  bob: { 'quiz-log.json': '{ "version": 1, "answers": [' },
  cy: { '.course/practice/log.json': '{ "attempts": [ <img src=x onerror=alert(1)>' },
  dee: {},
};

let grades: SubmissionGrade[];
beforeAll(async () => {
  grades = [];
  for (const [learner, files] of Object.entries(checkouts)) {
    const checkout = join(root, 'submissions', learner);
    await mkdir(join(checkout, '.course/practice'), { recursive: true });
    for (const [path, text] of Object.entries(files)) await writeFile(join(checkout, path), text);
    // As the batch does: the grader's own results (with the quiz), then the progress view beside them.
    const clinic = { ...sampleResults().exercises[1]!, id: '01-x', path: 'clinic/event-modeling/01-x' };
    const graded = await withQuizLog({ ...sampleResults(), exercises: [...sampleResults().exercises, clinic] }, checkout);
    grades.push({ learner, results: { ...graded, progress: await learnerProgress(checkout, graded) } });
  }
});

const section = (html: string, learner: string) => html.match(new RegExp(`<details class="learner-progress[^"]*"><summary>${learner}:[\\s\\S]*?</details>`))![0];

describe('the progress view of each learner in the class report', () => {
  it('keeps each learner\'s view within the results schema, whatever their logs held', () => {
    const validate = courseSchema('results.schema.json');
    for (const { learner, results } of grades) expect(validate(results), `${learner}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it('shows one collapsed section per learner, a damaged or missing log noted for that learner only', () => {
    const html = renderSubmissionsHtml(grades, columns);
    const lines = grades[0]!.results.progress!.lines.length;
    expect(lines).toBeGreaterThan(20);
    for (const { learner } of grades) expect(section(html, learner).match(/<tr class="(done|open)">/g), learner).toHaveLength(lines);
    expect(section(html, 'ada')).not.toMatch(/<ul class="notes">/);
    expect(section(html, 'bob')).toMatch(/<li>quiz-log\.json is not valid JSON/);
    expect(section(html, 'cy')).toMatch(/<li>\.course\/practice\/log\.json is not valid JSON/);
    expect(section(html, 'dee')).toMatch(/no practice log \(\.course\/practice\/log\.json\) in this checkout[\s\S]*no quiz-log\.json in this checkout/);
    // Paths name the learner's file, not the grader's folders.
    expect(html).not.toContain(root);
  });

  it('escapes what learners wrote in their logs: a script stays text', () => {
    const html = renderSubmissionsHtml(grades, columns);
    expect(section(html, 'ada')).toContain('variants tried: &lt;script&gt;alert(&quot;ada&quot;)&lt;/script&gt;, default');
    expect(html).not.toMatch(/<script|<img/i);
  });

  it('survives --collect: the merged report shows each view from the results files, and a broken file on its own row', async () => {
    const collected = join(root, 'collected');
    for (const { learner, results } of grades) {
      await mkdir(join(collected, 'results-shard-1', learner), { recursive: true });
      await writeFile(join(collected, 'results-shard-1', learner, 'grade.json'), JSON.stringify(results));
    }
    await mkdir(join(collected, 'results-shard-2', 'eve'), { recursive: true });
    await writeFile(join(collected, 'results-shard-2', 'eve', 'grade.json'), '{ "progress": ');
    const out = join(root, 'report');
    const merged = await collectResults({ dir: collected, outDir: out, exercises: selectExercises([]), log: () => {} });
    expect(merged.map((g) => [g.learner, g.results.progress?.lines.length ?? 0])).toEqual([
      ...grades.map((g) => [g.learner, g.results.progress!.lines.length]), ['eve', 0],
    ]);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(section(html, 'bob')).toBe(section(renderSubmissionsHtml(grades, columns), 'bob'));
    expect(section(html, 'eve')).toMatch(/eve: no progress view<\/summary><p>[^<]*eve\/grade\.json is not JSON/);
    expect(html).not.toMatch(/<script|<img/i);
  });

  it('says so when a results file holds no progress view', () => {
    const plain: GradeResults = sampleResults();
    expect(section(renderSubmissionsHtml([{ learner: 'old', results: plain }], columns), 'old')).toMatch(/no progress view<\/summary><p>these results hold no progress view/);
  });
});
