import type { Exercise } from '../runner/exercise-catalog.ts';
import { isSelfReportedPractice, practiceCell } from '../quiz/practice.ts';
import type { SubmissionGrade } from './grade-submissions.ts';

/**
 * One row per learner: total, each exercise's points (the quiz's answers, as practice), and the tamper flags, quoted as
 * RFC 4180 says so that spreadsheets read names and file lists with commas intact.
 */
export function renderSubmissionsCsv(grades: readonly SubmissionGrade[], exercises: readonly Pick<Exercise, 'meta'>[]): string {
  // The quiz's column holds answers in words, never a number a spreadsheet could add up.
  const header = ['learner', 'points', 'max_points', ...exercises.map((e) => (isSelfReportedPractice(e.meta) ? `${e.meta.id} (self-reported practice, 0 points)` : e.meta.id)), 'changed_course_files', 'problem'];
  const rows = grades.map(({ learner, results, problem }) => {
    const byId = new Map(results.exercises.map((e) => [e.id, e]));
    return [
      learner,
      String(results.totals.points),
      String(exercises.reduce((sum, e) => sum + e.meta.points, 0)),
      ...exercises.map((e) => {
        const result = byId.get(e.meta.id);
        if (!result) return '';
        return isSelfReportedPractice(e.meta) ? practiceCell(result) : String(result.points);
      }),
      (results.integrity ?? []).map((f) => `${f.change} ${f.file}`).join('; '),
      problem ?? results.exercises.filter((e) => e.status === 'error').map((e) => `${e.id}: ${e.reason}`).join('; '),
    ];
  });
  return `${[header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
