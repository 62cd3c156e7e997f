import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clinicEntry, recordClinicEntry } from '../mistake-log/clinic-entry.ts';
import { logFileName, MistakeLogError } from '../mistake-log/mistake-log.ts';
import { scoreMistakeLog } from '../mistake-log/score-log.ts';
import type { Exercise } from '../runner/exercise-catalog.ts';
import type { ExerciseResult } from './grade-results.ts';

/** The id the mistake log has among the graded exercises. */
export const mistakeLogId = 'mistake-log';

export interface ProvenItem {
  exercise: Exercise;
  testName: string;
}

/**
 * Writes the entry of every clinic item that passed into the learner's mistake log (only in
 * the learner's own checkout: an instructor's grade reads a log, never writes one) and says
 * what it did, or why an item was not logged, in a line each.
 */
export async function logProvenItems(learnerRoot: string, proven: readonly ProvenItem[], today: string): Promise<string[]> {
  const lines: string[] = [];
  for (const { exercise, testName } of proven) {
    const answers = await readFile(join(learnerRoot, 'exercises', exercise.path, 'answers.md'), 'utf8').catch(() => undefined);
    const made = clinicEntry(exercise, answers, { testName, date: today });
    if (made.problem !== undefined) {
      lines.push(`  ${exercise.meta.id}: not logged yet: ${made.problem}`);
      continue;
    }
    try {
      await recordClinicEntry(join(learnerRoot, logFileName), made.entry);
      lines.push(`  ${exercise.meta.id}: logged in ${logFileName}`);
    } catch (error) {
      if (!(error instanceof MistakeLogError)) throw error;
      lines.push(`  ${exercise.meta.id}: not logged: ${error.message}`);
    }
  }
  return lines;
}

/**
 * The mistake log scored like an exercise: one test per entry, passed when the grader could
 * confirm its evidence in this run, failed with the reason otherwise.
 */
export async function mistakeLogResult(learnerRoot: string, clinicResults: readonly ExerciseResult[]): Promise<ExerciseResult> {
  const started = performance.now();
  const passed = new Set(clinicResults.filter((r) => r.status === 'passed').map((r) => r.path));
  const score = await scoreMistakeLog({ repo: learnerRoot, logFile: join(learnerRoot, logFileName), passedClinicItems: passed });
  const tests: ExerciseResult['tests'] = [
    ...score.verified.map((entry) => ({ file: logFileName, name: entry.mistake, status: 'passed' as const, durationMs: 0 })),
    ...score.unverified.map(({ entry, why }) => ({ file: logFileName, name: entry.mistake, status: 'failed' as const, message: why, durationMs: 0 })),
  ];
  const firstUnverified = score.unverified[0];
  const status = score.problem ? 'error' : score.points === score.maxPoints ? 'passed' : 'failed';
  return {
    id: mistakeLogId,
    path: logFileName,
    title: 'Mistake log: entries with evidence the grader confirmed',
    status,
    points: score.points,
    maxPoints: score.maxPoints,
    testsPassed: score.verified.length,
    testsTotal: tests.length,
    durationMs: Math.round(performance.now() - started),
    ...(score.problem ? { reason: score.problem } : {}),
    ...(firstUnverified ? { firstFailure: `${firstUnverified.entry.mistake}: ${firstUnverified.why}` } : {}),
    ...(status === 'passed' ? {} : { hint: 'Pass clinic items (each logs its entry), or log a mistake of your own with a failing test and its commit: npm run mistakes -- add' }),
    tests,
  };
}
