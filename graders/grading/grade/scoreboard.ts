import { mistakeLogId } from './clinic-log.ts';
import type { ExerciseResult, GradeResults, IntegrityFinding } from './grade-results.ts';
import { isSelfReportedPractice, practiceCell } from '../quiz/practice.ts';

/** The terminal scoreboard: one row per exercise, then the total and what to do next. */
export function renderScoreboard(results: GradeResults, width = 110): string {
  const rows = results.exercises.map((exercise) => [
    mark(exercise),
    exercise.id,
    `${exercise.testsPassed}/${exercise.testsTotal}`,
    isSelfReportedPractice(exercise) ? 'practice' : `${formatPoints(exercise.points)}/${exercise.maxPoints}`,
    note(exercise),
  ]);
  const header = ['', 'Exercise', 'Tests', 'Points', 'First failure'];
  const widths = header.map((title, column) =>
    column === 4 ? 0 : Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const fixed = widths.slice(0, 4).reduce((sum, w) => sum + w + 2, 0);
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 4 ? clip(cell, Math.max(20, width - fixed)) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const { totals } = results;
  const lines = [
    ...integrityBanner(results.integrity ?? []),
    line(header),
    ...rows.map(line),
    '',
    `Total: ${formatPoints(totals.points)} of ${totals.maxPoints} points; ${totals.exercisesPassed} of ${totals.exercises} exercises complete; ${totals.testsPassed} of ${totals.testsTotal} tests pass.`,
    `Services: ${Object.entries(results.services).map(([name, provider]) => `${name} (${provider})`).join(', ') || 'none needed'}.`,
  ];
  const next = results.exercises.find((exercise) => exercise.status !== 'passed' && !isSelfReportedPractice(exercise));
  const practice = results.exercises.find(isSelfReportedPractice);
  if (practice) lines.splice(-1, 0, `Quiz (self-reported practice, 0 points): ${practiceCell(practice)}; practise with \`npm run quiz\`.`);
  if (next) {
    lines.push(next.id === mistakeLogId
      ? `Next: ${next.path}: run \`npm run mistakes\` to see what each entry still needs.`
      : `Next: ${next.path}: run \`npm run watch -- ${next.id}\` and read exercises/${next.path}/README.md.`);
    if (next.hint) lines.push(`Hint: ${next.hint}`);
  }
  return lines.join('\n');
}

function mark(exercise: ExerciseResult): string {
  return exercise.status === 'passed' ? '✓' : exercise.status === 'error' ? '!' : '✗';
}

function note(exercise: ExerciseResult): string {
  if (exercise.reason) return exercise.reason.split('\n')[0]!;
  return exercise.firstFailure ?? '';
}

function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(2);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const handlingText: Record<IntegrityFinding['handling'], string> = {
  'course-copy': "graded with the course's copy",
  'left-out': 'not used',
  'as-is': 'used as found: this score cannot be trusted',
  'scored-zero': "no course copy found: its exercise scored 0",
};

/** Changed course files come first, above the score they may have touched. */
export function integrityBanner(findings: readonly IntegrityFinding[], shown = 12): string[] {
  if (findings.length === 0) return [];
  const rows = findings.slice(0, shown).map(
    (f) => `!   ${f.change.padEnd(8)} ${f.file} (${handlingText[f.handling]}${f.during ? '; changed by code under test, put back' : ''})`,
  );
  return [
    `!! ${findings.length} course file(s) differ from the course's own copies. Tests, configs and graders/ are the course's;`,
    '!! restore them with `git checkout -- <file>` (your work lives in exercises/*/*/src/ and answers.md).',
    ...rows,
    ...(findings.length > shown ? [`!   … and ${findings.length - shown} more (see the results file)`] : []),
    '',
  ];
}
