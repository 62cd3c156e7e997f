import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerCheckout, tamperCourse, tamperRoots } from '../grade/tamper-course.ts';
import { sharedAddressesVariable } from '../../testkit/vitest/global-setup.ts';
import { practiceLog } from '../progress/progress-fixtures.ts';
import { type SubmissionGrade, gradeSubmissions } from './grade-submissions.ts';

let graded: SubmissionGrade[];
let outDir: string;

beforeAll(async () => {
  const course = await tamperCourse('honest');
  const submissions = await mkdtemp(join(course.root, '..', 'submissions-'));
  tamperRoots.push(submissions);
  const alice = await learnerCheckout(join(submissions, 'alice'), 'honest');
  // Alice's practice log names a variant in markup; bob's quiz log is cut short.
  await mkdir(join(alice, '.course/practice'), { recursive: true });
  await writeFile(join(alice, '.course/practice/log.json'), JSON.stringify(practiceLog([['katas/01-order-placed-event', '<script>alert(1)</script>']])));
  const bob = await learnerCheckout(join(submissions, 'bob'), 'complete');
  await rm(join(bob, 'exercises/katas/01-add/test/negative.test.ts'));
  await writeFile(join(bob, 'quiz-log.json'), '{ "version": 1, "answers": [');
  await learnerCheckout(join(submissions, 'carol'), 'writes-into-course');
  outDir = join(submissions, '..', `${submissions.split('/').pop()}-report`);
  tamperRoots.push(outDir);
  graded = await gradeSubmissions({
    submissionsDir: submissions, outDir, exercises: course.exercises, manifest: course.manifest, courseRoot: course.root,
    timeoutMs: 120_000, jobs: 2, env: { ...process.env, COURSE_NEEDS: '', [sharedAddressesVariable]: '{}' }, services: {},
    log: () => undefined,
  });
}, 300_000);
afterAll(() => Promise.all(tamperRoots.map((root) => rm(root, { recursive: true, force: true }))));

describe('gradeSubmissions', () => {
  it('grades each learner with the course\'s tests, whatever they changed in their checkout', () => {
    expect(graded.map((g) => [g.learner, g.results.totals.points])).toEqual([['alice', 6.67], ['bob', 20], ['carol', 0]]);
  });

  it('flags a learner who changed course files, without letting it change the grade', () => {
    const bob = graded.find((g) => g.learner === 'bob')!;
    expect(bob.results.integrity).toEqual([
      { file: 'exercises/katas/01-add/test/negative.test.ts', change: 'deleted', handling: 'course-copy' },
    ]);
  });

  it('keeps code that writes into the course from changing anything, and scores it 0', () => {
    const carol = graded.find((g) => g.learner === 'carol')!;
    expect(carol.results.exercises[0]).toMatchObject({ status: 'error', points: 0 });
    expect(graded.find((g) => g.learner === 'alice')!.results.integrity).toBeUndefined();
  });

  it('writes a CSV with one row per learner and their changed files', async () => {
    const csv = (await readFile(join(outDir, 'grades.csv'), 'utf8')).trimEnd().split('\r\n');
    expect(csv[0]).toBe('learner,points,max_points,01-add,02-sum,changed_course_files,problem');
    expect(csv[1]).toBe('alice,6.67,20,6.67,0,,');
    expect(csv[2]).toBe('bob,20,20,10,10,deleted exercises/katas/01-add/test/negative.test.ts,');
    // The sandbox refused carol's writes into the course: nothing changed, her code did not load.
    expect(csv[3]).toMatch(/^carol,0,20,0,0,,"?01-add: test\/(negative|positive)\.test\.ts could not run: .*Access to this API has been restricted/);
  });

  it('keeps each learner\'s progress view in their results file and shows it, escaped, in the report', async () => {
    const alice = JSON.parse(await readFile(join(outDir, 'alice', 'grade.json'), 'utf8')) as SubmissionGrade['results'];
    expect(alice.progress?.lines.find((l) => /01-order-placed-event run/.test(l.rule))).toMatchObject({ have: 'variants tried: <script>alert(1)</script>' });
    expect(graded.find((g) => g.learner === 'bob')!.results.progress?.notes).toEqual([expect.stringMatching(/^quiz-log\.json is not valid JSON/), expect.stringMatching(/no practice log/)]);
    const html = await readFile(join(outDir, 'report.html'), 'utf8');
    expect(html.match(/<details class="learner-progress"><summary>/g)).toHaveLength(3);
    expect(html).toContain('variants tried: &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('writes a self-contained HTML report with the pass rates drawn inline', async () => {
    const html = await readFile(join(outDir, 'report.html'), 'utf8');
    expect(html).toContain('<svg id="pass-rates"');
    expect(html).toContain('<title>01-add: 33% passed</title>');
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});
