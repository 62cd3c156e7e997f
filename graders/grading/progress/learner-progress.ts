import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { GradeResults } from '../grade/grade-results.ts';
import type { Item } from '../quiz/bank.ts';
import { quizLogFileName } from '../quiz/quiz-log.ts';
import { progressLines } from './progress.ts';
import { progressSources, readProgressInputs } from './read-progress.ts';

/** The progress view as kept in a results file: its lines, and notes on what could not be read. */
export type LearnerProgress = NonNullable<GradeResults['progress']>;

/** Longest text kept per field: the practice log's variant names are the learner's own words. */
const maxField = 300;

/**
 * One learner's progress for the class report, from the grader's own results for them (never
 * the results/grade.json their checkout may carry) and the logs in their checkout. Whatever
 * cannot be read becomes a note for that learner; nothing here throws, so one learner's
 * damaged files cannot cost the class its report.
 */
export async function learnerProgress(learnerRoot: string, results: GradeResults, bank?: readonly Item[]): Promise<LearnerProgress> {
  const relative = (text: string) => clip(text.replaceAll(`${learnerRoot}${sep}`, ''));
  try {
    const { inputs, problems } = await readProgressInputs(learnerRoot, bank, { results });
    const notes = problems.map(relative);
    // .course/ is local state, ignored by git: a pushed repository has no practice log.
    if (!existsSync(join(learnerRoot, progressSources.practice))) notes.push(`no practice log (${progressSources.practice}) in this checkout: kata attempts cannot be counted`);
    if (!existsSync(join(learnerRoot, quizLogFileName))) notes.push(`no ${quizLogFileName} in this checkout: no quiz answers committed`);
    const lines = progressLines(inputs).map((l) => ({ ...l, rule: clip(l.rule), have: clip(l.have), next: clip(l.next) }));
    return { lines, notes };
  } catch (error) {
    return { lines: [], notes: [relative(`the progress view could not be computed: ${(error as Error).message}`)] };
  }
}

function clip(text: string): string {
  return text.length <= maxField ? text : `${text.slice(0, maxField - 1)}…`;
}
