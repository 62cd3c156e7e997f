/** The id the quiz has among the graded exercises. */
export const quizId = 'quiz';

/**
 * The quiz counts nothing toward a grade. Its answers come from quiz-log.json, which the learner
 * writes and commits, and the bank with every right answer is in the same repository: the
 * grader can judge each answer again but cannot tell who typed it. So it is reported as
 * practice (answered right / asked) and weighs 0 points everywhere a total is made.
 */
export const quizMaxPoints = 0;

export const selfReported =
  'Quiz answers are self-reported practice and count 0 points: the grader judges each one again against the question bank, but cannot see who typed it.';

/** Entries of a results file that are practice, not graded work: left out of every total. */
export function isSelfReportedPractice(entry: { id: string }): boolean {
  return entry.id === quizId;
}

/** How a practice entry reads wherever a score would stand: answers, never points. */
export function practiceCell(entry: { testsPassed: number; testsTotal: number; status: string }): string {
  return entry.status === 'error' ? 'log unreadable' : `${entry.testsPassed} of ${entry.testsTotal} answered right`;
}
