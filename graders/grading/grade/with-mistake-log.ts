import { totalsOf } from './grade-course.ts';
import { logProvenItems, mistakeLogResult, type ProvenItem } from './clinic-log.ts';
import type { GradeResults } from './grade-results.ts';

/**
 * After a learner's clinic items are graded: their own grade logs the items that passed,
 * and any grade of learner work scores the log beside the items. Reference runs have no log.
 */
export async function withMistakeLog(
  results: GradeResults,
  options: { learnerRoot: string; selfGraded: boolean; proven: readonly ProvenItem[]; log: (line: string) => void },
): Promise<GradeResults> {
  const clinic = results.exercises.filter((exercise) => exercise.path.startsWith('clinic/'));
  if (results.target !== 'learner' || clinic.length === 0) return results;
  if (options.selfGraded && options.proven.length > 0) {
    const lines = await logProvenItems(options.learnerRoot, options.proven, results.gradedAt.slice(0, 10));
    options.log(`Mistake log:\n${lines.join('\n')}`);
  }
  const exercises = [...results.exercises, await mistakeLogResult(options.learnerRoot, clinic)];
  return { ...results, totals: totalsOf(exercises), exercises };
}
