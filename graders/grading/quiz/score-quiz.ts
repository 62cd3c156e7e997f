import { join, sep } from 'node:path';
import type { ExerciseResult } from '../grade/grade-results.ts';
import { judge } from './answer-check.ts';
import { type Item, loadBank } from './bank.ts';
import { quizId, quizMaxPoints, selfReported } from './practice.ts';
import { QuizLogError, quizLogFileName, readQuizLog } from './quiz-log.ts';

export { quizId, quizMaxPoints, selfReported };

/**
 * The quiz scored like an exercise, from the learner's quiz-log.json alone: each bank item's
 * latest logged answer is judged again against the bank (a stored score is never read), one
 * test per item answered. It earns no points (see practice.ts): it passes when every bank
 * item's latest answer is right.
 */
export async function quizResult(learnerRoot: string, bank: readonly Item[] = loadBank()): Promise<ExerciseResult> {
  const started = performance.now();
  const base = { id: quizId, path: quizLogFileName, title: 'Quiz: self-reported practice (0 points), every answer judged again against the bank', maxPoints: quizMaxPoints };
  let answers;
  try {
    answers = (await readQuizLog(join(learnerRoot, quizLogFileName))).answers;
  } catch (error) {
    if (!(error instanceof QuizLogError)) throw error;
    // The learner's file by its name in their repository, not by the grader's folders.
    const problem = error.message.replaceAll(`${learnerRoot}${sep}`, '');
    return { ...base, status: 'error', points: 0, testsPassed: 0, testsTotal: 0, durationMs: 0, reason: `${problem}\n${selfReported}`, tests: [] };
  }
  const latest = new Map<string, string>();
  for (const answer of answers) latest.set(answer.item, answer.given);
  const byId = new Map(bank.map((item) => [item.id, item]));
  const tests: ExerciseResult['tests'] = [...latest].map(([id, given]) => {
    const item = byId.get(id);
    const judged = item ? judge(item, given) : undefined;
    const status = judged?.ok && judged.right ? ('passed' as const) : ('failed' as const);
    const message = !item ? 'no such question in the bank' : !judged?.ok ? judged?.problem : judged.right ? undefined : `answered ${given}: not right yet, run npm run quiz again`;
    return { file: quizLogFileName, name: id, status, ...(message ? { message } : {}), durationMs: 0 };
  });
  const right = tests.filter((t) => t.status === 'passed' && byId.has(t.name)).length;
  const complete = bank.length > 0 && right === bank.length;
  const firstFailure = tests.find((t) => t.status === 'failed');
  return {
    ...base,
    status: complete ? 'passed' : 'failed',
    points: 0,
    testsPassed: right,
    testsTotal: tests.length,
    durationMs: Math.round(performance.now() - started),
    ...(firstFailure ? { firstFailure: `${firstFailure.name}: ${firstFailure.message}` } : {}),
    hint: `${right} of ${bank.length} bank items answered right. ${selfReported}${complete ? '' : ' Run npm run quiz (missed questions come first) and commit quiz-log.json.'}`,
    tests,
  };
}
