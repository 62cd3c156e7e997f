import type { ExerciseResult, GradeResults, IntegrityFinding } from '../grade/grade-results.ts';
import { isSelfReportedPractice } from '../quiz/practice.ts';

/**
 * The grade as GitHub-flavoured Markdown for `$GITHUB_STEP_SUMMARY`: tampering first, then
 * the score, one row per exercise, and the failing tests of each exercise folded away.
 */
export function renderMarkdownSummary(results: GradeResults): string {
  const { totals } = results;
  const lines = [`## Grade: ${points(totals.points)} of ${totals.maxPoints} points`, ''];
  lines.push(...integritySection(results.integrity ?? []));
  lines.push(
    `${totals.exercisesPassed} of ${totals.exercises} exercises complete; ${totals.testsPassed} of ${totals.testsTotal} tests pass.`,
    '',
    '| | Exercise | Tests | Points | First failure |',
    '| --- | --- | --- | --- | --- |',
    ...results.exercises.map(
      (e) => `| ${mark(e)} | ${cell(e.id)} | ${e.testsPassed}/${e.testsTotal} | ${isSelfReportedPractice(e) ? 'practice, 0 points' : `${points(e.points)}/${e.maxPoints}`} | ${cell(e.reason ?? e.firstFailure ?? '—')} |`,
    ),
    '',
  );
  for (const exercise of results.exercises) {
    const failing = exercise.tests.filter((test) => test.status === 'failed');
    if (failing.length === 0) continue;
    lines.push(
      isSelfReportedPractice(exercise)
        ? `<details><summary>${html(exercise.id)} (self-reported practice, 0 points): ${failing.length} answer(s) not right yet</summary>`
        : `<details><summary>${html(exercise.id)}: ${failing.length} failing test(s)</summary>`,
      '',
      ...failing.map((test) => `- \`${test.file}\` ${inline(test.name)}: ${inline(test.message ?? 'failed')}`),
      '',
      '</details>',
      '',
    );
  }
  const services = Object.entries(results.services).map(([name, provider]) => `${name} (${provider})`).join(', ');
  lines.push(
    `Services: ${services || 'none needed'}. Graded ${results.target === 'solutions' ? 'the reference solutions' : 'the learner\'s code'} ` +
      `at ${results.gradedAt} with Node ${results.runtime.node} in ${(results.runtime.durationMs / 1000).toFixed(1)} s.`,
    '',
  );
  return lines.join('\n');
}

function integritySection(findings: readonly IntegrityFinding[]): string[] {
  if (findings.length === 0) return [];
  return [
    '> [!WARNING]',
    `> ${findings.length} course file(s) differ from the course's own copies. Changed tests are not trusted:`,
    '> the grade used the course\'s copies where it could.',
    '',
    '| File | Change | Handling |',
    '| --- | --- | --- |',
    ...findings.map((f) => `| \`${f.file}\` | ${f.change}${f.during ? ' during grading' : ''} | ${f.handling} |`),
    '',
  ];
}

const mark = (e: ExerciseResult) => (e.status === 'passed' ? '✅' : e.status === 'error' ? '⛔' : '❌');
const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const html = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
/** One line, safe inside a table cell. */
const cell = (text: string) => inline(text).replaceAll('|', '\\|');
const inline = (text: string) => html(text.split('\n')[0]!.trim()).slice(0, 200);
