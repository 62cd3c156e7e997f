import { quizResult } from '../quiz/score-quiz.ts';
import { totalsOf } from './grade-course.ts';
import type { GradeResults } from './grade-results.ts';

/**
 * Adds the quiz, scored from the learner's committed quiz-log.json, to a grade of learner work
 * that covers the clinic (as a whole-course grade does), beside the mistake log. Reference
 * runs and single-exercise grades leave it out.
 */
export async function withQuizLog(results: GradeResults, learnerRoot: string): Promise<GradeResults> {
  if (results.target !== 'learner' || !results.exercises.some((exercise) => exercise.path.startsWith('clinic/'))) return results;
  const exercises = [...results.exercises, await quizResult(learnerRoot)];
  return { ...results, totals: totalsOf(exercises), exercises };
}
