import { describe, expect, it } from 'vitest';
import { totalsOf } from '../grade/grade-course.ts';
import type { ExerciseResult, GradeResults } from '../grade/grade-results.ts';
import { renderScoreboard } from '../grade/scoreboard.ts';
import { reportColumns, type SubmissionGrade } from '../instructor/grade-submissions.ts';
import { renderSubmissionsCsv } from '../instructor/submissions-csv.ts';
import { renderSubmissionsHtml } from '../instructor/submissions-html.ts';
import { renderAutogradingStep } from '../report/autograding-step.ts';
import { renderClassroom50Result } from '../report/classroom50-result.ts';
import { renderMarkdownSummary } from '../report/markdown-summary.ts';
import { sampleResults } from '../report/sample-results.ts';
import { selectExercises } from '../runner/exercise-catalog.ts';
import { quizId } from './practice.ts';

// A quiz entry as the grader writes it, even one claiming points (an older or forged results
// file): no report may show it as points or add it to a total.
const quiz: ExerciseResult = {
  id: quizId, path: 'quiz-log.json', title: 'Quiz: self-reported practice (0 points)', status: 'failed', points: 7, maxPoints: 10,
  testsPassed: 3, testsTotal: 4, durationMs: 1, tests: [{ file: 'quiz-log.json', name: 'q-1', status: 'failed', message: 'answered b', durationMs: 0 }],
};
const withQuiz = (): GradeResults => {
  const sample = sampleResults();
  const exercises = [...sample.exercises, quiz];
  return { ...sample, exercises, totals: totalsOf(exercises) };
};
const identity = {
  classroom: 'c', assignment: 'a', assignmentType: 'individual' as const, owner: 'o', submission: 's',
  commitUrl: 'u', releaseUrl: 'u', reviewUrl: 'u', submittedAt: new Date('2026-12-01T00:00:00Z'),
};

describe('the quiz weighs 0 points wherever a grade is shown', () => {
  it('is left out of every total: points, exercises and tests', () => {
    expect(withQuiz().totals).toEqual(sampleResults().totals);
  });

  it('reads as practice on the scoreboard and in the job summary, with its answers, never as points', () => {
    const board = renderScoreboard(withQuiz());
    expect(board).toMatch(/quiz\s+3\/4\s+practice/);
    expect(board).toContain('Quiz (self-reported practice, 0 points): 3 of 4 answered right');
    expect(board).toMatch(/^Total: 15 of 30 points/m);
    expect(board).not.toMatch(/Next: quiz-log\.json/);
    const summary = renderMarkdownSummary(withQuiz());
    expect(summary).toContain('| ❌ | quiz | 3/4 | practice, 0 points |');
    expect(summary).toContain('## Grade: 15 of 30 points');
  });

  it('adds nothing to the class CSV and HTML: a column of answers in words', () => {
    const columns = reportColumns(selectExercises([]));
    const grades: SubmissionGrade[] = [{ learner: 'ada', results: withQuiz() }];
    const [header, row] = renderSubmissionsCsv(grades, columns).trimEnd().split('\r\n');
    expect(header).toContain(',"quiz (self-reported practice, 0 points)",');
    expect(row).toContain(',3 of 4 answered right,');
    expect(row).toMatch(/^ada,15,/);
    const max = columns.filter((c) => c.meta.id !== quizId).reduce((sum, c) => sum + c.meta.points, 0);
    expect(row!.split(',')[2]).toBe(String(max));
    const html = renderSubmissionsHtml(grades, columns);
    expect(html).toContain('<th class="practice" title="Quiz: self-reported practice, 0 points">quiz (practice, 0 points)</th>');
    expect(html).toMatch(/<td class="practice"[^>]*>3 of 4 answered right<\/td>/);
    expect(html).toContain(`${max} points available`);
    expect(html).not.toMatch(/<text[^>]*>quiz<\/text>/);
  });

  it('gives Classroom 50 and a Classroom-style step a check worth 0 of 0', () => {
    const result = renderClassroom50Result(withQuiz(), identity);
    expect(result.tests.find((t) => t['test-name'].startsWith('quiz:'))).toMatchObject({ score: 0, 'max-score': 0 });
    expect(result['max-score']).toBe(30);
    const step = renderAutogradingStep(withQuiz(), quizId);
    expect(step.max_score).toBe(0);
    expect(step.tests.every((t) => t.score === 0)).toBe(true);
  });
});
