import { escapeHtml as esc, progressCount, renderProgressTable } from '../progress/render-progress.ts';
import type { SubmissionGrade } from './grade-submissions.ts';

/**
 * The progress view of each learner (the lines of `npm run progress`), one collapsed section
 * each, from the progress kept in their results file. Every string in it may come from the
 * learner's own logs, so all of it is escaped.
 */
export function renderProgressSections(grades: readonly SubmissionGrade[]): string {
  const sections = grades.map(({ learner, results, problem }) => {
    const progress = results.progress;
    if (!progress) {
      const why = problem ?? 'these results hold no progress view (graded by an older course version, or not by the batch)';
      return `<details class="learner-progress missing"><summary>${esc(learner)}: no progress view</summary><p>${esc(why)}</p></details>`;
    }
    const notes = progress.notes.length === 0 ? '' : `<ul class="notes">${progress.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`;
    const table = progress.lines.length === 0 ? '' : renderProgressTable(progress.lines);
    return `<details class="learner-progress"><summary>${esc(learner)}: ${progressCount(progress.lines)}` +
      `${progress.notes.length > 0 ? ` (${progress.notes.length} note(s))` : ''}</summary>\n${notes}${table}</details>`;
  });
  return `<h2>Progress per learner</h2>
<p>Each learner's progress against the module's completion standard, as <code>npm run progress</code> shows it: from this grade and the logs committed in their checkout. Quiz and diagnostic lines rest on self-reported answers.</p>
<div id="progress">
${sections.join('\n')}
</div>`;
}
