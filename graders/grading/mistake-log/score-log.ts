import { type StandardLine, completionStandard } from './completion.ts';
import { type MistakeEntry, MistakeLogError, readMistakeLog } from './mistake-log.ts';
import { checkEvidence } from './verify-evidence.ts';

export const pointsPerEntry = 2;
export const scoredEntries = 5;

export interface LogScore {
  points: number;
  maxPoints: number;
  /** Entries whose evidence the grader confirmed, and why each other one earned nothing. */
  verified: MistakeEntry[];
  unverified: { entry: MistakeEntry; why: string }[];
  standard: StandardLine[];
  /** The log could not be read: it scores 0 and this says what to fix. */
  problem?: string;
}

/**
 * Scores the log like an exercise, on evidence only: an entry earns points when the grader
 * can confirm it, either a clinic item that passed in this run (its reproduction held on all
 * three legs) or a failing test that fails at its commit and passes now. What an entry says
 * is for the learner and the report; the completion standard is shown, not scored.
 */
export async function scoreMistakeLog(options: { repo: string; logFile: string; passedClinicItems: ReadonlySet<string> }): Promise<LogScore> {
  const maxPoints = pointsPerEntry * scoredEntries;
  let entries: MistakeEntry[];
  try {
    entries = (await readMistakeLog(options.logFile)).entries;
  } catch (error) {
    if (!(error instanceof MistakeLogError)) throw error;
    return { points: 0, maxPoints, verified: [], unverified: [], standard: completionStandard([]), problem: error.message };
  }
  const verified: MistakeEntry[] = [];
  const unverified: LogScore['unverified'] = [];
  for (const entry of entries) {
    const evidence = entry.repairEvidence;
    if (evidence.provenBy === 'clinic-legs') {
      if (entry.exercise && options.passedClinicItems.has(entry.exercise)) verified.push(entry);
      else unverified.push({ entry, why: `clinic item ${entry.exercise ?? '(none named)'} did not pass in this run` });
    } else if (evidence.kind === 'failing-test' && evidence.commit) {
      const check = await checkEvidence(options.repo, entry);
      if (check.holds) verified.push(entry);
      else unverified.push({ entry, why: check.detail });
    } else {
      unverified.push({ entry, why: `${evidence.kind} evidence is for your report; only a failing test can be checked` });
    }
  }
  return { points: pointsPerEntry * Math.min(scoredEntries, verified.length), maxPoints, verified, unverified, standard: completionStandard(entries) };
}
