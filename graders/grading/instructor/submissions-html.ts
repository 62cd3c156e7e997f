import type { Exercise } from '../runner/exercise-catalog.ts';
import { isSelfReportedPractice, practiceCell } from '../quiz/practice.ts';
import type { SubmissionGrade } from './grade-submissions.ts';
import { renderProgressSections } from './submissions-progress-html.ts';

type ExerciseInfo = Pick<Exercise, 'meta'>;

/**
 * A self-contained HTML report (no scripts, no fonts, no CDN: it opens from a file or an
 * e-mail attachment): a bar chart of each exercise's pass rate as inline SVG, then one row
 * per learner with points per exercise and the course files they changed, then each
 * learner's progress view. The quiz is a column of answers (self-reported practice, 0
 * points), left out of the chart and of every total.
 */
export function renderSubmissionsHtml(grades: readonly SubmissionGrade[], columns: readonly ExerciseInfo[]): string {
  const exercises = columns.filter((c) => !isSelfReportedPractice(c.meta));
  const practice = columns.filter((c) => isSelfReportedPractice(c.meta));
  const maxPoints = exercises.reduce((sum, e) => sum + e.meta.points, 0);
  const flagged = grades.filter((g) => (g.results.integrity ?? []).length > 0).length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Submissions: ${grades.length} learners</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem; color: #1b1f24; }
table { border-collapse: collapse; margin-top: 1rem; }
th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: right; }
th:first-child, td:first-child, td.flags { text-align: left; }
td.error { background: #ffebe9; } td.full { background: #dafbe1; }
tr.tampered td:first-child::after { content: " ⚠"; color: #bc4c00; }
th.practice, td.practice { background: #f6f8fa; color: #57606a; font-style: italic; }
details.learner-progress { margin: .3rem 0; } details.learner-progress summary { cursor: pointer; }
table.progress th, table.progress td { text-align: left; } table.progress tr.done td:nth-child(3) { background: #dafbe1; }
.flags ul { margin: 0; padding-left: 1.1rem; }
</style>
</head>
<body>
<h1>Submissions</h1>
<p>${grades.length} learner(s), ${exercises.length} exercise(s), ${maxPoints} points available.
${flagged} submission(s) changed course files: those files were not used; the grade used the course's own.</p>
${practice.length > 0 ? `<p>The quiz column is self-reported practice, worth 0 points: the answers each learner logged that are right by the question bank. A learner can copy them from the bank, so it is not part of any total.</p>\n` : ''}
<h2>Pass rate per exercise</h2>
${passRateChart(grades, exercises)}
<h2>Learners</h2>
<table id="learners">
<thead><tr><th>Learner</th><th>Points</th>${columns.map(header).join('')}<th>Changed course files</th></tr></thead>
<tbody>
${grades.map((grade) => learnerRow(grade, columns, maxPoints)).join('\n')}
</tbody>
</table>
${renderProgressSections(grades)}
</body>
</html>
`;
}

/** Share of learners whose exercise passed completely. */
export function passRates(grades: readonly SubmissionGrade[], exercises: readonly ExerciseInfo[]): number[] {
  return exercises.map((exercise) => {
    if (grades.length === 0) return 0;
    const passed = grades.filter((g) => g.results.exercises.some((e) => e.id === exercise.meta.id && e.status === 'passed'));
    return passed.length / grades.length;
  });
}

function passRateChart(grades: readonly SubmissionGrade[], exercises: readonly ExerciseInfo[]): string {
  const rates = passRates(grades, exercises);
  const rowHeight = 28;
  const labelWidth = 260;
  const barWidth = 400;
  const height = rowHeight * exercises.length + 10;
  const bars = exercises.map((exercise, i) => {
    const y = 5 + i * rowHeight;
    const width = Math.round(rates[i]! * barWidth);
    const percent = Math.round(rates[i]! * 100);
    return `<g class="bar"><text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${esc(exercise.meta.id)}</text>` +
      `<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="20" fill="#eaeef2"/>` +
      `<rect x="${labelWidth}" y="${y}" width="${width}" height="20" fill="#2da44e"><title>${esc(exercise.meta.id)}: ${percent}% passed</title></rect>` +
      `<text x="${labelWidth + barWidth + 8}" y="${y + 17}">${percent}%</text></g>`;
  });
  return `<svg id="pass-rates" xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 60}" height="${height}" ` +
    `role="img" aria-label="Pass rate per exercise" font-size="13">\n${bars.join('\n')}\n</svg>`;
}

function header(column: ExerciseInfo): string {
  return isSelfReportedPractice(column.meta)
    ? `<th class="practice" title="${esc(column.meta.title)}">${esc(column.meta.id)} (practice, 0 points)</th>`
    : `<th title="${esc(column.meta.title)}">${esc(column.meta.id)}</th>`;
}

function learnerRow(grade: SubmissionGrade, exercises: readonly ExerciseInfo[], maxPoints: number): string {
  const findings = grade.results.integrity ?? [];
  const byId = new Map(grade.results.exercises.map((e) => [e.id, e]));
  const cells = exercises.map((exercise) => {
    const result = byId.get(exercise.meta.id);
    if (!result) return '<td class="error">–</td>';
    if (isSelfReportedPractice(exercise.meta)) return `<td class="practice" title="${esc(result.reason ?? result.hint ?? '')}">${esc(practiceCell(result))}</td>`;
    const css = result.status === 'error' ? ' class="error"' : result.status === 'passed' ? ' class="full"' : '';
    const title = result.reason ?? result.firstFailure ?? `${result.testsPassed}/${result.testsTotal} tests`;
    return `<td${css} title="${esc(title)}">${result.points}</td>`;
  });
  const flags = grade.problem
    ? esc(grade.problem)
    : findings.length === 0
      ? ''
      : `<ul>${findings.map((f) => `<li>${esc(f.change)} <code>${esc(f.file)}</code>${f.during ? ' (during grading)' : ''}</li>`).join('')}</ul>`;
  return `<tr${findings.length > 0 || grade.problem ? ' class="tampered"' : ''}><td>${esc(grade.learner)}</td>` +
    `<td>${grade.results.totals.points}/${maxPoints}</td>${cells.join('')}<td class="flags">${flags}</td></tr>`;
}

function esc(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
