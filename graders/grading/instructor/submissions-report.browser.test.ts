import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
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
});
