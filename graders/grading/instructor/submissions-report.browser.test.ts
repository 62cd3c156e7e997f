import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { GradeResults } from '../grade/grade-results.ts';
import type { Exercise } from '../runner/exercise-catalog.ts';
import { sampleResults } from '../report/sample-results.ts';
import { artifactsDir, chromiumMissing, launchChromium } from '../report/headless-chromium.ts';
import type { SubmissionGrade } from './grade-submissions.ts';
import { renderSubmissionsHtml } from './submissions-html.ts';

const exercises = sampleResults().exercises.map((e) => ({ meta: { id: e.id, title: e.title, points: e.maxPoints } as Exercise['meta'] }));

describe.skipIf(chromiumMissing)(`the submissions report in headless Chromium${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  it('draws one bar per exercise and one row per learner, with the tamper flag shown', async () => {
    const tampered = sampleResults();
    const { integrity: _, ...clean } = sampleResults();
    const grades: SubmissionGrade[] = [{ learner: 'alice', results: clean }, { learner: 'bob <b>', results: tampered }];
    const file = join(artifactsDir, 'submissions-report.html');
    await using chromium = await launchChromium();
    await writeFile(file, renderSubmissionsHtml(grades, exercises));
    const page = await chromium.context.newPage();
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('#pass-rates g.bar').count()).toBe(3);
    expect(await page.locator('#pass-rates title').first().textContent()).toBe('01-order-placed-event: 100% passed');
    expect(await page.locator('#learners tbody tr').allTextContents()).toHaveLength(2);
    expect(await page.locator('#learners tbody tr.tampered td').first().textContent()).toBe('bob <b>');
    await page.screenshot({ path: join(artifactsDir, 'submissions-report.png'), fullPage: true });
  });

  it('folds each learner\'s progress away until opened, and shows a script in a log as text that never runs', async () => {
    const progress = (variant: string): GradeResults['progress'] => ({
      lines: [
        { section: 'Katas', rule: 'katas/01-order-placed-event run at least twice, with different variants', done: false, have: `variants tried: ${variant}`, next: 'run it again' },
        { section: 'Clinic', rule: 'Every clinic item passes', done: true, have: '1 of 1 items', next: '' },
      ],
      notes: variant.includes('<') ? ['quiz-log.json is not valid JSON (Unexpected token <)'] : [],
    });
    const grades: SubmissionGrade[] = [
      { learner: 'alice', results: { ...sampleResults(), progress: progress('default')! } },
      { learner: 'bob', results: { ...sampleResults(), progress: progress('<script>window.ran = true</script><img src=x onerror="window.ran = true">')! } },
      { learner: 'cy', results: sampleResults(), problem: 'cy/grade.json is not JSON' },
    ];
    const file = join(artifactsDir, 'submissions-progress.html');
    await using chromium = await launchChromium();
    await writeFile(file, renderSubmissionsHtml(grades, exercises));
    const page = await chromium.context.newPage();
    await page.goto(pathToFileURL(file).href);
    const sections = page.locator('#progress details.learner-progress');
    expect(await sections.locator('summary').allTextContents()).toEqual(['alice: 1 of 2 lines done', 'bob: 1 of 2 lines done (1 note(s))', 'cy: no progress view']);
    const bob = sections.nth(1);
    expect(await bob.locator('table.progress').isVisible()).toBe(false);
    await bob.locator('summary').click();
    expect(await bob.locator('table.progress').isVisible()).toBe(true);
    expect(await bob.locator('tbody tr').first().locator('td').nth(3).textContent()).toBe('variants tried: <script>window.ran = true</script><img src=x onerror="window.ran = true">');
    expect(await bob.locator('ul.notes li').textContent()).toMatch(/quiz-log\.json is not valid JSON/);
    expect(await page.evaluate('window.ran')).toBeUndefined();
    expect(await page.locator('script, img').count()).toBe(0);
  });
});
